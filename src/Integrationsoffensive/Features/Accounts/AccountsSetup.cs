using System.Runtime.ExceptionServices;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Accounts;

public static class AccountsSetup
{
    private const string AbsoluteExpiryKey = ".absolute-expiry";

    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>()
            .BindConfiguration(AccountOptions.Section)
            .Validate(o => o.SessionHours > 0 && o.AbsoluteSessionHours >= o.SessionHours && o.InvitationValidHours > 0,
                "Moderation: session and invitation hours must be positive, the absolute limit at least the session.")
            .ValidateOnStart();
        builder.Services.AddScoped<ModeratorAccounts>();
        builder.Services.AddScoped<PasswordResets>();
        builder.Services.AddScoped<PasskeySignIn>();
        // A passkey counts as both factors only if the device checked a PIN or fingerprint; it must be
        // discoverable, so signing in needs no address first.
        builder.Services.Configure<IdentityPasskeyOptions>(o =>
        {
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
        });

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
                options.Stores.SchemaVersion = AppDbContext.IdentitySchema; // passkeys
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddErrorDescriber<GermanIdentityErrors>()
            .AddUserManager<ModeratorUserManager>()
            .AddSignInManager<ModeratorSignInManager>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<SingleUseAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider)
            .AddTokenProvider<PasswordResetLinkTokenProvider>(PasswordResets.Provider);

        // Invitation links (password reset tokens) live as long as an invitation.
        builder.Services.AddOptions<DataProtectionTokenProviderOptions>()
            .Configure<IOptions<AccountOptions>>((o, accounts) => o.TokenLifespan = TimeSpan.FromHours(accounts.Value.InvitationValidHours));
        var development = builder.Environment.IsDevelopment();
        builder.Services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).Configure<IOptions<AccountOptions>>((options, accounts) =>
        {
            var settings = accounts.Value;
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

                // The security stamp is checked on every request of a signed-in moderator (one small
                // query), so logging out, disabling an account or changing its password ends every
                // copy of its session cookie at once.
                var signIn = context.HttpContext.RequestServices.GetRequiredService<SignInManager<Moderator>>();
                Moderator? current;
                try
                {
                    current = context.Principal is null ? null : await signIn.ValidateSecurityStampAsync(context.Principal);
                }
                catch (Exception exception)
                {
                    // The check could not be made (the database is down): see UseModeratorAuthentication.
                    context.RejectPrincipal();
                    context.HttpContext.Features.Set(new FailedSessionCheck(ExceptionDispatchInfo.Capture(exception)));
                    return;
                }

                if (current is null)
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                }
            };
        });

        builder.Services.AddAuthorization();
        builder.Services.AddOptions<AuthorizationOptions>().Configure<IOptions<AccountOptions>>((options, accounts) =>
        {
            options.AddPolicy(Policies.Moderator, policy => Signed(policy, accounts.Value).RequireRole(Roles.Moderator, Roles.Admin));
            options.AddPolicy(Policies.Admin, policy => Signed(policy, accounts.Value).RequireRole(Roles.Admin));
        });
    }

    /// <summary>
    /// Authentication, then the failure of a session check that could not be made thrown again, so a
    /// signed-in moderator gets the error page („temporarily unavailable“ when the database is down),
    /// not the sign-in form. Thrown inside authentication it would stay the request's outcome, the
    /// error page's own check would throw it again, and it would escape the error handler as a bare
    /// 500. The error page is shown as to a reader; the session cookie stays as it is. Stylesheets,
    /// fonts and images need no session: they are served without its check (and its query).
    /// </summary>
    public static void UseModeratorAuthentication(this WebApplication app) =>
        app.UseWhen(context => !context.IsForStaticAsset(), branch =>
        {
            branch.UseAuthentication();
            branch.Use((context, next) =>
            {
                if (context.Features.Get<FailedSessionCheck>() is { } failed && context.Features.Get<IExceptionHandlerFeature>() is null)
                {
                    failed.Error.Throw();
                }

                return next(context);
            });
        });

    private sealed record FailedSessionCheck(ExceptionDispatchInfo Error);

    // Signed in, and with two factors unless the configuration allows password-only accounts.
    private static AuthorizationPolicyBuilder Signed(AuthorizationPolicyBuilder policy, AccountOptions settings)
    {
        policy.RequireAuthenticatedUser();
        return settings.RequireTwoFactor ? policy.RequireClaim("amr", "mfa") : policy;
    }
}
