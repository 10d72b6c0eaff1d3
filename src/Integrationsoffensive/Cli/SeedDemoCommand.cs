using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Cli;

/// <summary>
/// <c>seed-demo &lt;N&gt; [--waiting]</c>: fills the database with N plausible published organizations,
/// to try the list at scale; with <c>--waiting</c>, N confirmed applications waiting in the queue,
/// to try moderating. Development only: demo entries must never reach a real campaign.
/// </summary>
public static class SeedDemoCommand
{
    private static readonly (string Place, string Region)[] Places =
    [
        ("Frankfurt am Main", "frankfurt"), ("Wiesbaden", "wiesbaden"), ("Kassel", "kassel-stadt"), ("Darmstadt", "darmstadt"),
        ("Offenbach am Main", "offenbach-stadt"), ("Hanau", "main-kinzig-kreis"), ("Gießen", "giessen"), ("Marburg", "marburg-biedenkopf"),
        ("Fulda", "fulda"), ("Rüsselsheim am Main", "gross-gerau"), ("Bad Homburg", "hochtaunuskreis"), ("Wetzlar", "lahn-dill-kreis"),
        ("Limburg an der Lahn", "limburg-weilburg"), ("Bensheim", "bergstrasse"), ("Friedberg", "wetteraukreis"), ("Eschwege", "werra-meissner-kreis"),
        ("Bad Hersfeld", "hersfeld-rotenburg"), ("Korbach", "waldeck-frankenberg"), ("Erbach", "odenwaldkreis"), ("Lauterbach", "vogelsbergkreis"),
        ("Homberg (Efze)", "schwalm-eder-kreis"), ("Hofheim am Taunus", "main-taunus-kreis"), ("Bad Schwalbach", "rheingau-taunus-kreis"),
        ("Dietzenbach", "offenbach-landkreis"), ("Dieburg", "darmstadt-dieburg"), ("Hofgeismar", "kassel-landkreis"), ("Mainz", Regions.OutsideHessen),
    ];

    private static readonly (string Prefix, string Type)[] Kinds =
    [
        ("Diakonisches Werk", "wohlfahrtsverband"), ("Caritasverband", "wohlfahrtsverband"), ("AWO Ortsverein", "wohlfahrtsverband"),
        ("ver.di Ortsverein", "gewerkschaft"), ("GEW Kreisverband", "gewerkschaft"), ("Migrant*innenverein", "migrantinnenorganisation"),
        ("Flüchtlingshilfe", "fluechtlingsinitiative"), ("Asylkreis", "fluechtlingsinitiative"), ("Evangelische Kirchengemeinde", "kirche"),
        ("Islamische Gemeinde", "kirche"), ("Volkshochschule", "bildung"), ("Sportverein Eintracht", "kultur-sport"),
        ("Kulturzentrum", "kultur-sport"), ("Handwerksbetrieb Schmidt &", "unternehmen"), ("Bürgerinitiative", "sonstige"),
    ];

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment())
        {
            await output.WriteLineAsync("seed-demo ist nur in der Entwicklungsumgebung erlaubt (ASPNETCORE_ENVIRONMENT=Development).");
            return 1;
        }

        var waiting = args is [_, _, "--waiting"];
        if (args.Length != (waiting ? 3 : 2) || !int.TryParse(args[1], out var count) || count is < 1 or > 100_000)
        {
            await output.WriteLineAsync("Aufruf: seed-demo <Anzahl zwischen 1 und 100000> [--waiting]");
            return 2;
        }

        var clock = services.GetRequiredService<TimeProvider>();
        var random = new Random(4711); // the same demo data every time
        var start = clock.GetUtcNow().UtcDateTime.AddDays(-60);
        for (var done = 0; done < count;)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            for (var i = 0; i < 500 && done < count; i++, done++)
            {
                var (prefix, type) = Kinds[random.Next(Kinds.Length)];
                var (place, region) = Places[random.Next(Places.Length)];
                var name = $"{prefix} {place} {done + 1}";
                var website = random.Next(3) == 0 ? $"https://www.beispiel-{done + 1}.example" : null;
                var statement = random.Next(4) == 0 ? "Weil Integration gelingt, wenn alle mitmachen." : null;
                var fields = new PublicFields(name, type, place, region, website, statement);
                var at = start.AddMinutes(done * 10);
                db.Applications.Add(waiting ? Waiting(fields, done + 1, at)
                    : Application.AddByModerator(new ApplicationDetails(fields, null, null, null), "demo", "seed-demo", "Demo-Daten", possibleDuplicate: false, at));
            }

            await db.SaveChangesAsync();
        }

        await output.WriteLineAsync(waiting ? $"{count} Demo-Anträge warten auf Prüfung." : $"{count} Demo-Organisationen angelegt und veröffentlicht.");
        return 0;
    }

    /// <summary>An application as the form makes it, with its address confirmed: it waits in the queue.</summary>
    private static Application Waiting(PublicFields fields, int number, DateTime at)
    {
        var application = Application.Submit(new ApplicationDetails(fields, "Demo Kontakt", $"demo{number}@beispiel.example", null), "demo", "demo", possibleDuplicate: false, at);
        application.Confirm(at);
        return application;
    }
}
