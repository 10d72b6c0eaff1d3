using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.WebEncoders;

namespace Integrationsoffensive.Hosting;

public static class WebSetup
{
    public static void AddSiteWeb(this WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        // A build (not a publish) keeps its precompressed assets under obj/; Development finds them
        // through the static web assets manifest, other non-production runs (tests, staging from a
        // build) must too, or compressed requests get an empty answer. Published apps have no manifest.
        if (!builder.Environment.IsProduction())
        {
            builder.WebHost.UseStaticWebAssets();
        }

        builder.Services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Features";
            options.Conventions.ConfigureFilter(new Features.Shared.HandlerRequiredFilter());
        }).AddMvcOptions(options => GermanBindingMessages(options.ModelBindingMessageProvider));
        // Cookies are Secure whenever the request is HTTPS, also behind a trusted proxy that says so
        // (X-Forwarded-Proto); plain http only on a developer's machine.
        builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = Features.Shared.StatusMessage.CookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.Cookie.IsEssential = true;
        });
        builder.Services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // Write „ü“ as „ü“, not as "&#xFC;": every page is German.
        builder.Services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Every route is written in lower case already; lower-casing generated links as well would
        // break the case-sensitive tokens in confirmation and withdrawal links.
        builder.Services.AddRouting(options => options.AppendTrailingSlash = false);

        // The key ring lives in the database, so login cookies, antiforgery tokens and invitation
        // links survive restarts and are read alike by every instance (docs/betrieb.md).
        builder.Services.AddDataProtection().SetApplicationName("Integrationsoffensive").PersistKeysToDbContext<Data.AppDbContext>();
        // On SQLite the key ring is loaded when first needed, not before the server listens (see there).
        if (Data.DatabaseProviders.Configured(builder.Configuration) == Data.DatabaseProvider.Sqlite)
        {
            KeyRingOnFirstUse.RemoveLoadAtStart(builder.Services);
        }

        // Client addresses (for the rate limiter) come from X-Forwarded-For only when a configured
        // proxy sent it; loopback is trusted by default, for nginx on the same machine.
        builder.Services.AddOptions<ReverseProxyOptions>()
            .BindConfiguration(ReverseProxyOptions.Section)
            .Validate(o => o.IsValid(), "ReverseProxy:KnownProxies must be IP addresses and ReverseProxy:KnownNetworks CIDR networks.")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((options, proxies) => proxies.Value.ApplyTo(options));

        // Ready means the database takes writes (see WritableDatabaseCheck); Degraded while the legal
        // pages still contain placeholders in Production (see LaunchChecks).
        builder.Services.AddSingleton<Features.Shared.LaunchChecks>();
        builder.Services.AddHealthChecks()
            .AddCheck<Data.WritableDatabaseCheck>("database", tags: ["ready"])
            .AddCheck<Features.Shared.LegalPagesCheck>("legal-pages", tags: ["ready"]);
    }

    /// <summary>Before authentication and antiforgery: the key ring loaded ahead of the first request with a cookie (<see cref="KeyRingOnFirstUse"/>).</summary>
    public static void UseKeyRingWhenFirstNeeded(this WebApplication app)
    {
        if (app.Services.GetService<KeyRingOnFirstUse>() is { } keyRing)
        {
            app.Use(keyRing.Invoke);
        }
    }

    public static void UseSiteErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/fehler",
                // A read-only database or a full disk is the site's trouble, not the request's: 503.
                StatusCodeSelector = Data.StorageFailures.StatusCodeFor,
            });
            app.UseHsts(); // only on HTTPS requests, and never for localhost
        }

        app.UseStatusCodePagesWithReExecute("/fehler/{0}");
    }

    /// <summary>
    /// What model binding says when a value cannot be read (only tampered or broken requests send
    /// such values; the forms' own messages come from their attributes), in German like every page.
    /// </summary>
    private static void GermanBindingMessages(Microsoft.AspNetCore.Mvc.ModelBinding.Metadata.DefaultModelBindingMessageProvider messages)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"Der Wert „{value}“ ist ungültig.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Der Wert „{value}“ ist ungültig.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "Der angegebene Wert ist ungültig.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Der angegebene Wert ist ungültig.");
        messages.SetValueIsInvalidAccessor(value => $"Der Wert „{value}“ ist ungültig.");
        messages.SetValueMustBeANumberAccessor(_ => "Bitte geben Sie eine Zahl an.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Bitte geben Sie eine Zahl an.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Ein Wert fehlt.");
        messages.SetMissingKeyOrValueAccessor(() => "Ein Wert fehlt.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "Die Anfrage enthält keine Daten.");
        messages.SetValueMustNotBeNullAccessor(_ => "Ein Wert fehlt.");
    }
}
