using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Hosting;

/// <summary>
/// The data-protection key ring, on SQLite, loaded (or, on a fresh site, made) when first needed
/// instead of at start. The framework loads it in a hosted service before the server listens; a
/// fresh site then makes its first key (XML, a first save) on the way to its first answer, though
/// the readers' pages need no key. Without that service the first form or sign-in loads it
/// (concurrent first requests wait for one key ring); a fresh start's first 200 on / came about
/// 350 ms sooner on the 2-core machine (README „Leistung“).
/// <para>
/// Two things keep the framework's behaviour where it matters. A request that carries one of the
/// site's protected cookies is let through only once the key ring is loaded, here, before authentication and antiforgery read
/// it (every protected value the site reads arrives in a cookie or needs one: the moderators'
/// session, the antiforgery pair, the notices): when the database fails at that moment, the person
/// gets the „temporarily unavailable“ page (503) like any other storage failure, not antiforgery's
/// „invalid request“ (400) for a token that was fine, nor a signed-in moderator the sign-in form.
/// A request without them needs no key (a scanner's post fails antiforgery before any key is
/// read) and is answered as always, whatever the database — except a post of the application form
/// with its token field from the site itself, whose cookie is gone: the form is shown again with a
/// new token, which needs the key ring as the form's GET does (<c>FormCookieCheck</c>). And on
/// PostgreSQL, where several instances share the keys, the key ring is still loaded at start: an
/// instance finds a key made by another one by reloading its key ring only in the first minutes
/// after it started (the framework's window), so two first keys made later at once could leave
/// one instance unable to read the other's forms and cookies for up to a day.
/// </para>
/// </summary>
public sealed class KeyRingOnFirstUse(
    IDataProtectionProvider protection,
    IOptionsMonitor<CookieAuthenticationOptions> authentication,
    IOptions<AntiforgeryOptions> antiforgery,
    IOptions<CookieTempDataProviderOptions> tempData)
{
    private const string HostedServiceType = "Microsoft.AspNetCore.DataProtection.Internal.DataProtectionHostedService";

    private volatile bool _loaded;

    // The cookies whose values the site protected: the moderators' session, the antiforgery
    // pair's cookie, the notices, a passkey sign-in under way. Others on the domain (analytics, a
    // balancer's sticky cookie) need no key.
    private string[]? _protectedCookies;

    /// <summary>
    /// Takes the framework's start-time load out again. Called after every <c>AddDataProtection</c>
    /// (the framework's call adds it back); fails loudly when the framework no longer has it.
    /// </summary>
    public static void RemoveLoadAtStart(IServiceCollection services)
    {
        services.Remove(services.Single(service =>
            service.ServiceType == typeof(IHostedService) && service.ImplementationType?.FullName == HostedServiceType));
        services.TryAddSingleton<KeyRingOnFirstUse>();
    }

    /// <summary>Before the first request with one of the site's protected cookies, the key ring is loaded; a storage failure then goes to the error pages (503).</summary>
    public Task Invoke(HttpContext context, RequestDelegate next)
    {
        if (!_loaded && CarriesAProtectedCookie(context) && !IsErrorPage(context) && !context.IsForStaticAsset())
        {
            // Protecting a byte loads the key ring, or makes the first key; later calls read it from memory.
            protection.CreateProtector(nameof(KeyRingOnFirstUse)).Protect([0]);
            _loaded = true;
        }

        return next(context);
    }

    private bool CarriesAProtectedCookie(HttpContext context)
    {
        var cookies = context.Request.Cookies;
        if (cookies.Count == 0)
        {
            return false;
        }

        _protectedCookies ??=
        [
            authentication.Get(IdentityConstants.ApplicationScheme).Cookie.Name!,
            antiforgery.Value.Cookie.Name!,
            tempData.Value.Cookie.Name!,
            Features.Accounts.PasskeySignIn.CookieName,
        ];
        return Array.Exists(_protectedCookies, cookies.ContainsKey);
    }

    // The error pages are rendered for the failed request itself; they need no key.
    private static bool IsErrorPage(HttpContext context) =>
        context.Features.Get<IExceptionHandlerFeature>() is not null || context.Features.Get<IStatusCodeReExecuteFeature>() is not null;
}
