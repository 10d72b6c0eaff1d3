namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// The site over a copy of the editors' content/. Only the tests of the shipped content itself
/// (the signed text, the legal pages) use it; every other test runs on tests/TestContent, so a
/// change of wording by an editor cannot break them.
/// </summary>
public sealed class RepositoryContentSite() : SiteFactory(RepositoryPaths.Content);
