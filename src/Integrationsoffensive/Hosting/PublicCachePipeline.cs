using System.IO.Compression;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Net.Http.Headers;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// How a public page is answered from the cache with the least work: right after routing, before
/// rate limits and authentication (a cached public page is the same for everyone), compressed once
/// per render and stored compressed, so a cache hit only copies bytes. Only the public, cacheable
/// endpoints are compressed: they carry no secrets, which compression over HTTPS could leak
/// (BREACH); form pages with antiforgery tokens stay uncompressed.
/// </summary>
public static class PublicCachePipeline
{
    public static IServiceCollection AddPublicCacheCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.Providers.Add<BrotliQualityProvider>();
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ResponseCompressionDefaults.MimeTypes.Concat(["image/svg+xml", "application/atom+xml", "text/csv"]);
        });
        services.Configure<GzipCompressionProviderOptions>(o => o.Level = CompressionLevel.Optimal);
        return services;
    }

    public static void UsePublicCache(this WebApplication app)
    {
        app.UseWhen(IsPublicCacheable, branch => branch.Use((context, next) =>
        {
            NormalizeAcceptEncoding(context.Request);
            return next(context);
        }));
        app.UseOutputCache();
        app.UseWhen(IsPublicCacheable, branch => branch.UseResponseCompression());
    }

    /// <summary>
    /// The one encoding the answer will have: brotli if accepted, else gzip, else none. The cache
    /// varies by it (three variants at most), not by the many ways browsers spell the header.
    /// </summary>
    public static void NormalizeAcceptEncoding(HttpRequest request)
    {
        var accepted = request.Headers.AcceptEncoding;
        if (accepted.Count == 0)
        {
            return;
        }

        var encodings = StringWithQualityHeaderValue.TryParseList(accepted, out var parsed) ? parsed : [];
        bool Accepts(string name) => encodings.Any(e => string.Equals(e.Value.Value, name, StringComparison.OrdinalIgnoreCase) && (e.Quality ?? 1) > 0);
        request.Headers.AcceptEncoding = Accepts("br") ? "br" : Accepts("gzip") ? "gzip" : default;
    }

    private static bool IsPublicCacheable(HttpContext context) =>
        context.GetEndpoint()?.Metadata is { } metadata
        && (metadata.GetMetadata<OutputCacheAttribute>() is not null || metadata.GetMetadata<IOutputCachePolicy>() is not null);

    /// <summary>
    /// Brotli at quality 6: measured on the home page and the list, as small as quality 9 within
    /// 1 % at a thirtieth of the time (about 0.3 ms), and 3–4 % smaller than the framework's
    /// „optimal“ (quality 4). Quality 11 would save 8 % more but take 20–50 ms per render.
    /// </summary>
    private sealed class BrotliQualityProvider : ICompressionProvider
    {
        public string EncodingName => "br";

        public bool SupportsFlush => true;

        public Stream CreateStream(Stream outputStream) =>
            new BrotliStream(outputStream, new BrotliCompressionOptions { Quality = 6 }, leaveOpen: true);
    }
}
