using System.Text.RegularExpressions;

namespace Integrationsoffensive.Content;

/// <summary>
/// One translation of the appeal: a folder of content/ (e.g. "en") with the same files as the
/// German appeal and a "sprache.yml" that says how to address and show it. A new folder is a new
/// language, without a change of code.
/// </summary>
public sealed partial class AppealLanguage : IFrontMatter
{
    /// <summary>The BCP 47 tag for the lang attribute, e.g. "en", "ar"; Leichte Sprache is German: "de".</summary>
    public string Code { get; set; } = "";

    /// <summary>The tag for hreflang, when it must differ from <see cref="Code"/> (Leichte Sprache: "de-x-ls").</summary>
    public string? Hreflang { get; set; }

    /// <summary>The language's name in itself, the link text in the language switcher: "English".</summary>
    public string Name { get; set; } = "";

    /// <summary>"ltr" or "rtl".</summary>
    public string Direction { get; set; } = "ltr";

    /// <summary>The address segment: "en" is served at /en.</summary>
    public string Route { get; set; } = "";

    /// <summary>The page's own words around the translated text.</summary>
    public LanguageTexts Texts { get; set; } = new();

    /// <summary>The content folder this language was read from.</summary>
    [YamlDotNet.Serialization.YamlIgnore]
    public string Folder { get; set; } = "";

    [YamlDotNet.Serialization.YamlIgnore]
    public string HreflangOrCode => string.IsNullOrWhiteSpace(Hreflang) ? Code : Hreflang;

    [YamlDotNet.Serialization.YamlIgnore]
    public bool RightToLeft => Direction == "rtl";

    public void Validate()
    {
        if (!LanguageTag().IsMatch(Code) || (!string.IsNullOrWhiteSpace(Hreflang) && !LanguageTag().IsMatch(Hreflang)))
        {
            throw new ContentException("\"code\" (and \"hreflang\", if given) must be a language tag such as en, ar or de-x-ls.");
        }

        if (string.IsNullOrWhiteSpace(Name) || !RouteSegment().IsMatch(Route) || Direction is not ("ltr" or "rtl"))
        {
            throw new ContentException("A language needs \"name\", \"route\" (lower-case letters, digits, hyphens) and \"direction\" (ltr or rtl).");
        }

        Texts.Validate();
    }

    [GeneratedRegex("^[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex("^[a-z0-9-]+$")]
    private static partial Regex RouteSegment();
}

/// <summary>The words of the translated page that are not part of the appeal's text.</summary>
public sealed class LanguageTexts
{
    /// <summary>The line above the title, e.g. "Open appeal to the Hessian state government".</summary>
    public string Kicker { get; set; } = "";

    /// <summary>That this is a translation and the German text is the one signed.</summary>
    public string Note { get; set; } = "";

    /// <summary>The link text to the German original.</summary>
    public string Original { get; set; } = "";

    public string DemandsHeading { get; set; } = "";

    public string FoundersHeading { get; set; } = "";

    /// <summary>The link to the (German) form, saying that it is German.</summary>
    public string Sign { get; set; } = "";

    public void Validate()
    {
        if (new[] { Kicker, Note, Original, DemandsHeading, FoundersHeading, Sign }.Any(string.IsNullOrWhiteSpace))
        {
            throw new ContentException("\"texts\" needs kicker, note, original, demandsHeading, foundersHeading and sign.");
        }
    }
}

/// <summary>The translations in content/, found by their "sprache.yml".</summary>
public static class AppealLanguages
{
    public const string LanguageFile = "sprache.yml";

    /// <summary>
    /// Every translation that loaded, ordered by its name; a broken file keeps its last good version.
    /// Kept until the content changes: two route constraints ask on every request.
    /// </summary>
    public static IReadOnlyList<AppealLanguage> All(ContentStore store) => store.Derived(nameof(AppealLanguages), () => Load(store));

    private static List<AppealLanguage> Load(ContentStore store) =>
        Folders(store)
            .Select(folder => (folder, language: store.Data<AppealLanguage>(Path.Combine(folder, LanguageFile))))
            .Where(found => found.language is not null)
            .Select(found =>
            {
                found.language!.Folder = found.folder;
                return found.language;
            })
            .GroupBy(language => language.Route, StringComparer.Ordinal)
            .Select(same => same.First())
            .OrderBy(language => language.Name, StringComparer.Ordinal)
            .ToList();

    // The folders directly under the content root with a sprache.yml.
    private static IEnumerable<string> Folders(ContentStore store) =>
        Directory.Exists(store.RootPath)
            ? Directory.EnumerateDirectories(store.RootPath)
                .Where(directory => File.Exists(Path.Combine(directory, LanguageFile)))
                .Select(directory => Path.GetFileName(directory))
                .Order(StringComparer.Ordinal)
            : [];

    public static AppealLanguage? Find(ContentStore store, string? route) =>
        route is null ? null : All(store).FirstOrDefault(language => language.Route == route);
}
