namespace Integrationsoffensive.Content;

/// <summary>The appeal as the home page shows it, put together from the files in content/.</summary>
public sealed record AppealContent(
    string Title,
    string? Description,
    string Version,
    string LeadHtml,
    string TextHtml,
    IReadOnlyList<Demand> Demands,
    string ClosingTitle,
    string ClosingHtml,
    IReadOnlyList<FoundingOrganization> FoundingOrganizations)
{
    /// <summary>One sentence under the title; the description when the front matter has none.</summary>
    public string? Summary { get; init; }

    public ContentDate? PublishedOn { get; init; }

    public ContentDate? ChangedOn { get; init; }

    // The Markdown as written, to put the whole text of this version together (versions, handover).
    public string LeadMarkdown { get; init; } = "";

    public string TextMarkdown { get; init; } = "";

    public string ClosingMarkdown { get; init; } = "";

    public const string AppealFile = "aufruf.md";
    public const string DemandsFolder = "forderungen";
    public const string ClosingFile = "schlussaufruf.md";
    public const string FoundersFile = "erstunterzeichnende.yml";

    /// <summary>The version of the appeal's text in force: every new signature records it.</summary>
    public static string CurrentVersion(ContentStore store) =>
        store.Document<AppealFrontMatter>(AppealFile)?.FrontMatter.Version ?? "unbekannt";

    /// <summary>The founding organizations with a name, in their order; empty if the file never loaded.</summary>
    public static IReadOnlyList<FoundingOrganization> Founders(ContentStore store) =>
        (store.Data<List<FoundingOrganization>>(FoundersFile) ?? []).Where(f => f is not null && !string.IsNullOrWhiteSpace(f.Name)).ToList();

    /// <summary>
    /// The appeal, or null if its main file has never loaded (then the page answers 503). A folder
    /// such as "en" holds a translation with the same files; the founders are the same in every language.
    /// </summary>
    public static AppealContent? Load(ContentStore store, string folder = "")
    {
        var appeal = store.Document<AppealFrontMatter>(Path.Combine(folder, AppealFile));
        if (appeal is null)
        {
            return null;
        }

        var demands = store.DocumentsIn(Path.Combine(folder, DemandsFolder))
            .Select(store.Document<DemandFrontMatter>)
            .OfType<ContentDocument<DemandFrontMatter>>()
            .Select(d => new Demand(d.FrontMatter.Number, d.FrontMatter.Title, d.FrontMatter.Summary, d.Html) { Markdown = d.Markdown })
            .OrderBy(d => d.Number)
            .ToList();
        var closing = store.Document<PageFrontMatter>(Path.Combine(folder, ClosingFile));

        return new AppealContent(
            appeal.FrontMatter.Title,
            appeal.FrontMatter.Description,
            appeal.FrontMatter.Version,
            appeal.FrontMatter.LeadHtml,
            appeal.Html,
            demands,
            closing?.FrontMatter.Title ?? "",
            closing?.Html ?? "",
            Founders(store))
        {
            Summary = appeal.FrontMatter.Summary ?? appeal.FrontMatter.Description,
            LeadMarkdown = appeal.FrontMatter.Lead,
            TextMarkdown = appeal.Markdown,
            ClosingMarkdown = closing?.Markdown ?? "",
            PublishedOn = appeal.FrontMatter.PublishedOn,
            ChangedOn = appeal.FrontMatter.ChangedOn,
        };
    }
}

/// <summary>One of the demands; its anchor on the home page is #forderung-N.</summary>
public sealed record Demand(int Number, string Title, string? Summary, string Html)
{
    public string Markdown { get; init; } = "";

    public string Anchor => $"forderung-{Number}";
}
