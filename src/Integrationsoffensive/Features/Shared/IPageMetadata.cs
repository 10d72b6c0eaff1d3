namespace Integrationsoffensive.Features.Shared;

/// <summary>What the layout needs from a page for its title, meta description and robots tags.</summary>
public interface IPageMetadata
{
    string PageTitle { get; }

    string? PageDescription => null;

    /// <summary>Pages that must not appear in search engines (errors, tokens, moderation).</summary>
    bool NoIndex => false;

    /// <summary>The page's language for html lang: the site is German, a translation says its own.</summary>
    string Language => "de";

    /// <summary>"rtl" for right-to-left languages.</summary>
    string Direction => "ltr";

    /// <summary>The appeal and its translations name each other with hreflang alternates.</summary>
    bool IsAppealInSomeLanguage => false;
}
