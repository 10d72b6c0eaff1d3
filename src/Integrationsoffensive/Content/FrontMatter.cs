namespace Integrationsoffensive.Content;

/// <summary>Front matter that can say what is missing in it; a failed check keeps the last good version online.</summary>
public interface IFrontMatter
{
    void Validate();
}

/// <summary>A static page such as /impressum.</summary>
public class PageFrontMatter : IFrontMatter
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }

    public virtual void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title))
        {
            throw new ContentException("The front matter has no \"title\".");
        }
    }
}

/// <summary>Front matter with Markdown fields, rendered once when the file loads.</summary>
public interface IHasMarkdownFields
{
    void RenderMarkdownFields(Func<string, string> render);
}

/// <summary>content/aufruf.md: the appeal's text, its lead and its version.</summary>
public sealed class AppealFrontMatter : PageFrontMatter, IHasMarkdownFields
{
    public string Version { get; set; } = "";
    public string Lead { get; set; } = "";

    /// <summary>One sentence under the title: what the appeal wants.</summary>
    public string? Summary { get; set; }

    /// <summary>When the appeal was published ("2023-11-27" or "2023-11").</summary>
    public string? Date { get; set; }

    /// <summary>When the appeal's text last changed.</summary>
    public string? Changed { get; set; }

    [YamlDotNet.Serialization.YamlIgnore]
    public ContentDate? PublishedOn => ContentDate.Parse(Date, "date");

    [YamlDotNet.Serialization.YamlIgnore]
    public ContentDate? ChangedOn => ContentDate.Parse(Changed, "changed");

    [YamlDotNet.Serialization.YamlIgnore]
    public string LeadHtml { get; private set; } = "";

    public void RenderMarkdownFields(Func<string, string> render) => LeadHtml = render(Lead);

    public override void Validate()
    {
        base.Validate();
        if (string.IsNullOrWhiteSpace(Version) || string.IsNullOrWhiteSpace(Lead))
        {
            throw new ContentException("The appeal's front matter needs \"version\" and \"lead\".");
        }

        _ = PublishedOn;
        _ = ChangedOn;
    }
}

/// <summary>content/forderungen/N.md: one demand.</summary>
public sealed class DemandFrontMatter : IFrontMatter
{
    public int Number { get; set; }
    public string Title { get; set; } = "";

    /// <summary>One sentence for the demand's card at the top of the home page.</summary>
    public string? Summary { get; set; }

    public void Validate()
    {
        if (Number < 1 || string.IsNullOrWhiteSpace(Title))
        {
            throw new ContentException("A demand needs a positive \"number\" and a \"title\".");
        }
    }
}

/// <summary>One entry of content/erstunterzeichnende.yml.</summary>
public sealed class FoundingOrganization
{
    public string Name { get; set; } = "";
    public string? Website { get; set; }

    /// <summary>A region code of the form's list (e.g. "hessenweit"), or none.</summary>
    public string? Region { get; set; }

    /// <summary>The website if it is an absolute http(s) address; anything else is not linked.</summary>
    public string? Href =>
        Uri.TryCreate(Website, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri.AbsoluteUri : null;
}

/// <summary>A content file that parsed but does not say what the site needs.</summary>
public sealed class ContentException(string message) : Exception(message);
