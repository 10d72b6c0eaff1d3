using Integrationsoffensive.Content;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>
/// The content store the site builds, over a folder of the domain tests: only founders (with and
/// without websites, one on a host many organizations share), which is all the duplicate check reads.
/// </summary>
public static class TestContentStore
{
    public static string Folder => Path.Combine(RepositoryPaths.Root, "tests", "Integrationsoffensive.Tests", "Domain", "TestFounders");

    public static ContentStore Create() => new(
        Options.Create(new ContentOptions { Path = Folder }),
        new HostingEnvironment { ContentRootPath = RepositoryPaths.Root },
        new MarkdownRenderer(new ContentVariables([])),
        NullLogger<ContentStore>.Instance);
}
