namespace Integrationsoffensive.Hosting;

/// <summary>
/// A strict Content-Security-Policy and friends on every response. Nothing is loaded from another
/// origin, and no inline script or style is allowed, so markup must never rely on either.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static void UseSecurityHeaders(this WebApplication app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                // A page may loosen framing for itself (the embeddable counter) by setting its own policy first.
                headers.TryAdd("Content-Security-Policy", ContentSecurityPolicy);
                if (headers.ContentSecurityPolicy.ToString().Contains("frame-ancestors 'none'", StringComparison.Ordinal))
                {
                    headers.TryAdd("X-Frame-Options", "DENY");
                }
                headers.XContentTypeOptions = "nosniff";
                headers.TryAdd("Referrer-Policy", "strict-origin-when-cross-origin");
                headers.TryAdd("Permissions-Policy", "camera=(), microphone=(), geolocation=(), interest-cohort=()");
                headers.TryAdd("Cross-Origin-Opener-Policy", "same-origin");
                return Task.CompletedTask;
            });
            return next(context);
        });
}
