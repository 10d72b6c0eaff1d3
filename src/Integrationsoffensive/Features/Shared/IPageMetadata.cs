namespace Integrationsoffensive.Features.Shared;

/// <summary>What the layout needs from a page for its title, meta description and robots tags.</summary>
public interface IPageMetadata
{
    string PageTitle { get; }

    string? PageDescription => null;

    /// <summary>Pages that must not appear in search engines (errors, tokens, moderation).</summary>
    bool NoIndex => false;
}
