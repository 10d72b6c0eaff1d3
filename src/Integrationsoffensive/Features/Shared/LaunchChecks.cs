using Integrationsoffensive.Content;
using Integrationsoffensive.Email;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Features.Shared;

/// <summary>Something to fix before the campaign goes public: a line for the log, a sentence for the dashboard.</summary>
public sealed record LaunchFinding(string Log, string Notice);

/// <summary>
/// What must not reach the public unnoticed: mails from a sender on localhost, links in mails
/// and exports to an address on this machine (the default of Site:PublicBaseUrl), nobody told about
/// waiting applications, mails signed by nobody, and „[Platzhalter: …]“ still in the legal pages.
/// In Production each is a warning at start and a notice on the dashboard; placeholders in the
/// legal pages also make /healthz/ready report Degraded (<see cref="LegalPagesCheck"/>).
/// </summary>
public sealed class LaunchChecks(IOptions<EmailOptions> email, IOptions<Hosting.SiteOptions> site, ContentStore content, IHostEnvironment environment)
{
    /// <summary>The pages the law asks for; a placeholder there is a legal risk, not only an unfinished text.</summary>
    public static readonly IReadOnlyList<string> LegalPages =
        [Path.Combine(ContentStore.PagesFolder, "impressum.md"), Path.Combine(ContentStore.PagesFolder, "datenschutz.md"), Path.Combine(ContentStore.PagesFolder, "barrierefreiheit.md")];

    public bool AppliesHere => environment.IsProduction();

    public IReadOnlyList<string> LegalPagesWithPlaceholders() => content.FilesWithPlaceholders().Where(LegalPages.Contains).ToList();

    public IReadOnlyList<LaunchFinding> Check()
    {
        var findings = new List<LaunchFinding>();
        var settings = email.Value;
        if (settings.From.Trim().EndsWith("@localhost", StringComparison.OrdinalIgnoreCase))
        {
            findings.Add(new("The mail sender (Email:From) is an address on localhost",
                $"Die E-Mails gehen noch von „{settings.From}“ aus. Bitte tragen Sie unter Email:From eine echte Absenderadresse ein, sonst kommen die Mails nicht an oder landen im Spam."));
        }

        // Every confirmation link would lead to the organization's own computer: no one could confirm.
        if (IsOnThisMachine(site.Value.PublicBaseUrl))
        {
            findings.Add(new($"The public address (Site:PublicBaseUrl) is {site.Value.PublicBaseUrl}, an address on this machine",
                $"Die Links in den E-Mails und Exporten führen noch auf „{site.Value.PublicBaseUrl}“, also auf den Rechner der Empfänger. Bitte tragen Sie unter Site:PublicBaseUrl die öffentliche Adresse der Website ein (z. B. https://integrationsoffensive.de), sonst kann niemand seine Mitzeichnung bestätigen."));
        }

        if (!settings.ModeratorRecipients().Any())
        {
            findings.Add(new("No moderator addresses are configured (Email:ModeratorAddresses)",
                "Es ist keine Adresse der Moderation eingetragen (Email:ModeratorAddresses): Niemand erfährt von neuen Anträgen, und die Tagesübersicht geht an niemanden."));
        }

        if (!settings.Contact.IsSet)
        {
            findings.Add(new("No campaign contact is configured (Email:Contact:Name)",
                "Die E-Mails an die Organisationen nennen noch keine Ansprechperson (Email:Contact:Name und Email:Contact:Address)."));
        }

        if (LegalPagesWithPlaceholders() is { Count: > 0 } pages)
        {
            findings.Add(new($"The legal pages still contain placeholders: {string.Join(", ", pages)}",
                $"In den Rechtstexten stehen noch Platzhalter „[Platzhalter: …]“: {string.Join(", ", pages)}. Bis sie ersetzt sind, meldet /healthz/ready „Degraded“."));
        }

        return findings;
    }

    private static bool IsOnThisMachine(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase));
}

/// <summary>Ready, but Degraded while the legal pages still contain placeholders (in Production): the Impressum must never go public unfinished unnoticed.</summary>
public sealed class LegalPagesCheck(LaunchChecks launch) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(launch.AppliesHere && launch.LegalPagesWithPlaceholders() is { Count: > 0 } pages
            ? HealthCheckResult.Degraded("The legal pages still contain placeholders: " + string.Join(", ", pages))
            : HealthCheckResult.Healthy());
}

public static class LaunchCheckSetup
{
    /// <summary>In Production, each finding is a warning in the log at start, for the operator who starts the site.</summary>
    public static void WarnBeforeLaunch(this WebApplication app)
    {
        var launch = app.Services.GetRequiredService<LaunchChecks>();
        if (!launch.AppliesHere)
        {
            return;
        }

        var logger = app.Services.GetRequiredService<ILogger<LaunchChecks>>();
        foreach (var finding in launch.Check())
        {
            logger.LogWarning("Before going live: {LaunchFinding}", finding.Log);
        }
    }
}
