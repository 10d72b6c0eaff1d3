using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signing;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Applications in a known state, built through the entity's own transitions.</summary>
public static class Applications
{
    /// <summary>The moderator who decides in <see cref="InStatus"/>.</summary>
    public const string Moderator = "moderation@example.org";

    public static ApplicationDetails Details(string name = "Flüchtlingshilfe Musterstadt e. V.", string email = "kontakt@fluechtlingshilfe.example", string place = "Musterstadt") =>
        new(new PublicFields(name, "fluechtlingsinitiative", place, "giessen", "https://fluechtlingshilfe.example/", "Weil Integration gelingt."), "Anna Beispiel", email, "0641 123456");

    /// <summary>The values a person types into /mitzeichnen, valid by default.</summary>
    public static Dictionary<string, string?> FormValues(string name = "Flüchtlingshilfe Musterstadt e. V.", string email = "kontakt@fluechtlingshilfe.example") => new()
    {
        ["Input.OrganizationName"] = name,
        ["Input.OrganizationType"] = "fluechtlingsinitiative",
        ["Input.Place"] = "Musterstadt",
        ["Input.Region"] = "giessen",
        ["Input.Website"] = "https://fluechtlingshilfe.example",
        ["Input.Statement"] = "Weil Integration gelingt.",
        ["Input.ContactName"] = "Anna Beispiel",
        ["Input.Email"] = email,
        ["Input.Phone"] = "0641 123456",
        ["Input.Consent"] = "true",
        ["Input.Authorized"] = "true",
    };

    public static Task<Application> SubmittedAsync(this SiteFactory site, ApplicationDetails? details = null) =>
        site.SeedAsync(ApplicationStatus.Submitted, details);

    public static Task<Application> ConfirmedAsync(this SiteFactory site, ApplicationDetails? details = null) =>
        site.SeedAsync(ApplicationStatus.Confirmed, details);

    public static Task<Application> PublishedAsync(this SiteFactory site, ApplicationDetails? details = null) =>
        site.SeedAsync(ApplicationStatus.Published, details);

    /// <summary>A logo as the form stores it: a real PNG through the real check and re-encoding.</summary>
    public static ApplicationLogo Logo(int width = 300, int height = 150) => LogoFile.From(LogoSamples.Png(width, height)).Logo!;

    /// <summary>An application in any state, optionally with a logo, stored.</summary>
    public static Task<Application> SeedAsync(this SiteFactory site, ApplicationStatus status, ApplicationDetails? details = null, ApplicationLogo? logo = null) =>
        site.StoreAsync(InStatus(status, site.Clock.GetUtcNow().UtcDateTime, details, logo));

    private static async Task<Application> StoreAsync(this SiteFactory site, Application application)
    {
        await site.WithDbAsync(async db =>
        {
            db.Applications.Add(application);
            await db.SaveChangesAsync();
        });
        return application;
    }

    /// <summary>
    /// An application brought to <paramref name="status"/> through the transitions a real one goes
    /// through (confirmed before a decision, published before unpublished), all at <paramref name="now"/>.
    /// </summary>
    public static Application InStatus(ApplicationStatus status, DateTime now, ApplicationDetails? details = null, ApplicationLogo? logo = null)
    {
        var application = Application.Submit(details ?? Details(), "2023-11", ConsentText.Version, possibleDuplicate: false, now, logo: logo);
        if (status is not ApplicationStatus.Submitted)
        {
            application.Confirm(now);
        }

        if (status is ApplicationStatus.Published or ApplicationStatus.Unpublished)
        {
            application.Publish(Moderator, now);
        }

        switch (status)
        {
            case ApplicationStatus.Rejected:
                application.Reject(Moderator, "Nicht überprüfbar", now);
                break;
            case ApplicationStatus.Unpublished:
                application.Unpublish(Moderator, null, now);
                break;
            case ApplicationStatus.Withdrawn:
                application.Withdraw(now);
                break;
        }

        return application;
    }

    public static async Task WithDbAsync(this SiteFactory site, Func<AppDbContext, Task> action)
    {
        await using var scope = site.Services.CreateAsyncScope();
        await action(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static async Task<T> WithDbAsync<T>(this SiteFactory site, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = site.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }
}
