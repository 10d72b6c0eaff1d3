using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Integrationsoffensive.Features.Accounts;

public static class AccountsSetup
{
    private const string AbsoluteExpiryKey = ".absolute-expiry";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section).ValidateOnStart();
        builder.Services.AddScoped<ModeratorAccounts>();

        builder.Services.AddIdentity<Moderator, IdentityRole>(options =>
            {
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.User.RequireUniqueEmail = true;
                options.Tokens.AuthenticatorTokenProvider = TokenOptions.DefaultAuthenticatorProvider;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<GermanIdentityErrors>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);

        // Invitation links (password reset tokens) live as long as an invitation.
        builder.Services.Configure<DataProtectionTokenProviderOptions>(o => o.TokenLifespan = TimeSpan.FromHours(settings.InvitationValidHours));
        // A disabled account or a changed password ends open sessions within a minute.
        builder.Services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.FromMinutes(1);
            // The re-check rebuilds the principal from the database, which knows nothing of how the
            // person signed in; keep the two-factor claim the moderation policy requires.
            o.OnRefreshingPrincipal = context =>
            {
                var mfa = context.CurrentPrincipal?.FindAll("amr").ToList() ?? [];
                if (context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    foreach (var claim in mfa.Where(c => !identity.HasClaim(c.Type, c.Value)))
                    {
                        identity.AddClaim(new System.Security.Claims.Claim(claim.Type, claim.Value));
                    }
                }

                return Task.CompletedTask;
            };
        });

        var development = builder.Environment.IsDevelopment();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            // __Host- requires Secure; plain http://localhost in Development cannot carry it.
            options.Cookie.Name = development ? "moderation" : "__Host-moderation";
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = TimeSpan.FromHours(settings.SessionHours);
            options.SlidingExpiration = true;
            options.LoginPath = "/konto/anmelden";
            options.LogoutPath = "/konto/abmelden";
            options.ReturnUrlParameter = "ReturnUrl";
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnSigningIn = context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                context.Properties.Items[AbsoluteExpiryKey] = clock.GetUtcNow().AddHours(settings.AbsoluteSessionHours).ToString("O");
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
                if (!context.Properties.Items.TryGetValue(AbsoluteExpiryKey, out var expiry)
                    || !DateTimeOffset.TryParse(expiry, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var until)
                    || clock.GetUtcNow() >= until)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SecurityStampValidator.ValidatePrincipalAsync(context);
            };
        });

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Moderator, policy =>
            {
                policy.RequireAuthenticatedUser().RequireRole(Roles.Moderator, Roles.Admin);
                if (settings.RequireTwoFactor)
                {
                    policy.RequireClaim("amr", "mfa");
                }
            })
            .AddPolicy(Policies.Admin, policy =>
            {
                policy.RequireAuthenticatedUser().RequireRole(Roles.Admin);
                if (settings.RequireTwoFactor)
                {
                    policy.RequireClaim("amr", "mfa");
                }
            });
    }
}
