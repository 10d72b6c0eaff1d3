namespace Integrationsoffensive.Domain;

/// <summary>A value stored in the database and used in URLs, and the German label a reader sees.</summary>
public sealed record Choice(string Value, string Label);

public static class OrganizationTypes
{
    public static readonly IReadOnlyList<Choice> All =
    [
        new("wohlfahrtsverband", "Wohlfahrtsverband"),
        new("gewerkschaft", "Gewerkschaft"),
        new("migrantinnenorganisation", "Migrant*innenorganisation"),
        new("fluechtlingsinitiative", "Flüchtlingsinitiative / Beratungsstelle"),
        new("kirche", "Kirche / Religionsgemeinschaft"),
        new("bildung", "Bildung / Wissenschaft"),
        new("kultur-sport", "Kultur / Sport"),
        new("unternehmen", "Unternehmen"),
        new("sonstige", "Sonstige"),
    ];

    public static string LabelOf(string value) => All.FirstOrDefault(c => c.Value == value)?.Label ?? value;

    public static bool IsKnown(string? value) => All.Any(c => c.Value == value);
}

/// <summary>Hessen's 21 Landkreise and 5 kreisfreie Städte, hessenweit, and outside Hessen or across Germany.</summary>
public static class Regions
{
    public const string OutsideHessen = "ausserhalb-hessens";

    /// <summary>Organizations that work across all of Hessen (the founders, state-wide associations).</summary>
    public const string Statewide = "hessenweit";

    /// <summary>Organizations that work across Germany.</summary>
    public const string Nationwide = "bundesweit";

    public static readonly IReadOnlyList<Choice> All =
    [
        new(Statewide, "hessenweit"),
        new("bergstrasse", "Kreis Bergstraße"),
        new("darmstadt", "Darmstadt (kreisfreie Stadt)"),
        new("darmstadt-dieburg", "Landkreis Darmstadt-Dieburg"),
        new("frankfurt", "Frankfurt am Main (kreisfreie Stadt)"),
        new("fulda", "Landkreis Fulda"),
        new("giessen", "Landkreis Gießen"),
        new("gross-gerau", "Kreis Groß-Gerau"),
        new("hersfeld-rotenburg", "Landkreis Hersfeld-Rotenburg"),
        new("hochtaunuskreis", "Hochtaunuskreis"),
        new("kassel-stadt", "Kassel (kreisfreie Stadt)"),
        new("kassel-landkreis", "Landkreis Kassel"),
        new("lahn-dill-kreis", "Lahn-Dill-Kreis"),
        new("limburg-weilburg", "Landkreis Limburg-Weilburg"),
        new("main-kinzig-kreis", "Main-Kinzig-Kreis"),
        new("main-taunus-kreis", "Main-Taunus-Kreis"),
        new("marburg-biedenkopf", "Landkreis Marburg-Biedenkopf"),
        new("odenwaldkreis", "Odenwaldkreis"),
        new("offenbach-stadt", "Offenbach am Main (kreisfreie Stadt)"),
        new("offenbach-landkreis", "Kreis Offenbach"),
        new("rheingau-taunus-kreis", "Rheingau-Taunus-Kreis"),
        new("schwalm-eder-kreis", "Schwalm-Eder-Kreis"),
        new("vogelsbergkreis", "Vogelsbergkreis"),
        new("waldeck-frankenberg", "Landkreis Waldeck-Frankenberg"),
        new("werra-meissner-kreis", "Werra-Meißner-Kreis"),
        new("wetteraukreis", "Wetteraukreis"),
        new("wiesbaden", "Wiesbaden (kreisfreie Stadt)"),
        new(OutsideHessen, "außerhalb Hessens"),
        new(Nationwide, "bundesweit"),
    ];

    public static string LabelOf(string value) => All.FirstOrDefault(c => c.Value == value)?.Label ?? value;

    public static bool IsKnown(string? value) => All.Any(c => c.Value == value);
}
