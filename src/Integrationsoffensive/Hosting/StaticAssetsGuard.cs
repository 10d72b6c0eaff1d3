using Microsoft.AspNetCore.StaticAssets;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// Every static asset the build announced must exist in the web root. A missing file would be
/// served as an empty 200 without a content type, and every page would be unstyled without a
/// word in the log; here it is one error at start naming the files, and a 404 when asked for.
/// </summary>
public static class StaticAssetsGuard
{
    /// <summary>The request is for a file of the web root (stylesheet, font, image): the same for everyone, no session or key needed.</summary>
    public static bool IsForStaticAsset(this HttpContext context) =>
        context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is not null;

    public static void UseStaticAssetsGuard(this WebApplication app)
    {
        var webRoot = app.Environment.WebRootFileProvider;
        var missing = ((IEndpointRouteBuilder)app).DataSources
            .SelectMany(source => source.Endpoints)
            .Select(endpoint => endpoint.Metadata.GetMetadata<StaticAssetDescriptor>())
            .OfType<StaticAssetDescriptor>()
            .Select(asset => asset.AssetPath)
            .Where(path => !webRoot.GetFileInfo(path).Exists)
            .ToHashSet(StringComparer.Ordinal);
        if (missing.Count > 0)
        {
            app.Logger.LogError("Static assets are missing from the web root {WebRoot}: {Assets}. They are answered with 404.",
                app.Environment.WebRootPath, string.Join(", ", missing.Order(StringComparer.Ordinal)));
        }

        app.Use((context, next) =>
        {
            if (missing.Count > 0 && context.GetEndpoint()?.Metadata.GetMetadata<StaticAssetDescriptor>() is { } asset && missing.Contains(asset.AssetPath))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }
}
