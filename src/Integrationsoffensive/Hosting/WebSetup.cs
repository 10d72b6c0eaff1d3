using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
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
        });
        builder.Services.Configure<CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = Features.Shared.StatusMessage.CookieName;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.IsEssential = true;
        });
        // Write „ü“ as „ü“, not as "&#xFC;": every page is German.
        builder.Services.Configure<WebEncoderOptions>(options =>
            options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        // Every route is written in lower case already; lower-casing generated links as well would
        // break the case-sensitive tokens in confirmation and withdrawal links.
        builder.Services.AddRouting(options => options.AppendTrailingSlash = false);

        var keys = builder.DataDirectory().SubDirectory("keys");
        builder.Services.AddDataProtection()
            .SetApplicationName("Integrationsoffensive")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));

        // Ready means the database answers a real query, not just that a connection opens.
        // Client addresses (for the rate limiter) come from X-Forwarded-For only when a configured
        // proxy sent it; loopback is trusted by default, for nginx on the same machine.
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in builder.Configuration.GetSection("ReverseProxy:KnownProxies").Get<string[]>() ?? [])
            {
                options.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
            }
        });

        builder.Services.AddHealthChecks().AddDbContextCheck<Data.AppDbContext>(
            tags: ["ready"],
            customTestQuery: async (db, cancellationToken) =>
            {
                await db.Database.GetAppliedMigrationsAsync(cancellationToken);
                return true;
            });
    }

    public static void UseSiteErrorPages(this WebApplication app)
    {
        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            app.UseExceptionHandler("/fehler");
        }

        app.UseStatusCodePagesWithReExecute("/fehler/{0}");
    }
}
