using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Extensions.SmartyPants;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Integrationsoffensive.Content;

/// <summary>A rendered content file: its typed front matter and its HTML.</summary>
public sealed record ContentDocument<TFrontMatter>(TFrontMatter FrontMatter, string Html)
{
    /// <summary>The Markdown below the front matter, as written: earlier versions of the appeal are compared on it.</summary>
    public string Markdown { get; init; } = "";
}

/// <summary>A heading (its level) or a paragraph (level 0) as plain text.</summary>
public sealed record TextBlock(int Level, string Text)
{
    public bool IsHeading => Level > 0;
}

/// <summary>
/// Markdown to HTML with Markdig: raw HTML off (editors cannot inject markup), German double
/// quotes „…“, dashes, and heading ids. Tokens like <c>{{ name }}</c> are replaced by values the
/// site knows (such as the configured retention periods) before parsing.
/// </summary>
public sealed partial class MarkdownRenderer(ContentVariables variables)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseYamlFrontMatter()
        .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
        .UseSmartyPants(GermanQuotes())
        .DisableHtml()
        .Build();

    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .IgnoreUnmatchedProperties()
        .Build();

    public ContentDocument<T> Render<T>(string markdown) where T : IFrontMatter, new()
    {
        var document = Markdown.Parse(variables.Substitute(markdown), Pipeline);
        var frontMatter = ParseFrontMatter<T>(document);
        if (frontMatter is IHasMarkdownFields withMarkdown)
        {
            withMarkdown.RenderMarkdownFields(RenderFragment);
        }

        var block = document.Descendants<YamlFrontMatterBlock>().First();
        var source = variables.Substitute(markdown);
        var body = block.Span.End + 1 < source.Length ? source[(block.Span.End + 1)..] : "";
        return new ContentDocument<T>(frontMatter, document.ToHtml(Pipeline)) { Markdown = StripClosingDelimiter(body) };
    }

    /// <summary>A short Markdown fragment (a front-matter field) rendered to HTML.</summary>
    public string RenderFragment(string markdown) => Markdown.ToHtml(variables.Substitute(markdown), Pipeline);

    /// <summary>Short Markdown as plain text (quotes and dashes as on the page), e.g. for a PDF or a comparison.</summary>
    public static string PlainText(string markdown) => Markdown.ToPlainText(markdown, Pipeline).Trim();

    /// <summary>The top-level blocks of a Markdown text: headings (level 1–6) and paragraphs (level 0), as plain text.</summary>
    public IReadOnlyList<TextBlock> Blocks(string markdown)
    {
        var text = variables.Substitute(markdown);
        return Markdown.Parse(text, Pipeline)
            .Where(b => b is not YamlFrontMatterBlock)
            .Select(b => new TextBlock(b is HeadingBlock h ? h.Level : 0, PlainText(text.Substring(b.Span.Start, b.Span.Length))))
            .Where(b => b.Text.Length > 0)
            .ToList();
    }

    public T ParseData<T>(string yaml)
    {
        var value = Yaml.Deserialize<T>(yaml) ?? throw new ContentException("The file is empty.");
        if (value is IFrontMatter checkable)
        {
            checkable.Validate();
        }

        return value;
    }

    private static T ParseFrontMatter<T>(MarkdownDocument document) where T : IFrontMatter, new()
    {
        var block = document.Descendants<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new ContentException("The file has no front matter between --- lines.");
        var yaml = FrontMatterDelimiter().Replace(block.Lines.ToString(), "");
        var frontMatter = Yaml.Deserialize<T>(yaml) ?? new T();
        frontMatter.Validate();
        return frontMatter;
    }

    // Single quotes are left alone on purpose: in German text a ' is nearly always an apostrophe,
    // which must not turn into a German opening quote. Real characters, not entities, so the
    // HTML reads as the text does.
    private static SmartyPantOptions GermanQuotes()
    {
        var options = new SmartyPantOptions();
        options.Mapping[SmartyPantType.LeftDoubleQuote] = "„";
        options.Mapping[SmartyPantType.RightDoubleQuote] = "“";
        options.Mapping[SmartyPantType.Dash2] = "–";
        options.Mapping[SmartyPantType.Dash3] = "—";
        options.Mapping[SmartyPantType.Ellipsis] = "…";
        return options;
    }

    private static string StripClosingDelimiter(string body)
    {
        var trimmed = body.TrimStart();
        return (trimmed.StartsWith("---", StringComparison.Ordinal) ? trimmed[3..] : trimmed).Trim();
    }

    [GeneratedRegex(@"^\s*---\s*$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterDelimiter();
}
