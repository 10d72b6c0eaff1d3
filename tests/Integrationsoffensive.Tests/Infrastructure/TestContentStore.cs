using Integrationsoffensive.Content;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>The content store the site builds, over the tests' own content folder instead of the editors'.</summary>
public static class TestContentStore
{
    public static ContentStore Create() => new(
        Options.Create(new ContentOptions { Path = RepositoryPaths.TestContent }),
        new HostingEnvironment { ContentRootPath = RepositoryPaths.Root },
        new MarkdownRenderer(new ContentVariables([])),
        NullLogger<ContentStore>.Instance);
}
