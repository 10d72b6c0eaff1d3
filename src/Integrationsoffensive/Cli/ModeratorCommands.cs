using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Accounts;

namespace Integrationsoffensive.Cli;

/// <summary>
/// <c>moderator add &lt;email&gt; [--admin]</c>, <c>moderator list</c>, <c>moderator disable &lt;email&gt;</c>:
/// run against the configured database, then exit.
/// </summary>
public static class ModeratorCommands
{
    public const string Usage = """
        Aufruf:
          moderator add <e-mail> [--admin]   lädt ein und gibt den Einladungslink aus (24 Stunden gültig)
          moderator reinvite <e-mail>        lädt neu ein: altes Passwort, App und Passkeys gelten nicht mehr
          moderator list                     zeigt alle Konten
          moderator disable <e-mail>         sperrt ein Konto und beendet seine Sitzungen
          moderator enable <e-mail>          schaltet ein gesperrtes Konto wieder frei
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<ModeratorAccounts>();
        switch (args)
        {
            case ["moderator", "add", var email, .. var rest]:
                return await PrintAsync(await accounts.InviteAsync(email, rest.Contains("--admin"), AuditActors.Cli), email, output);

            case ["moderator", "reinvite", var email]:
                return await PrintAsync(await accounts.ReinviteAsync(email, AuditActors.Cli), email, output);

            case ["moderator", "list"]:
                foreach (var m in await accounts.ListAsync())
                {
                    await output.WriteLineAsync(
                        $"{m.Email,-40} {(m.IsAdmin ? "Admin" : "Moderation"),-10} 2FA: {(m.TwoFactorEnabled ? "ja" : "nein"),-4} {(m.IsDisabled ? "gesperrt" : "aktiv")}");
                }

                return 0;

            case ["moderator", "disable", var email]:
                if (await accounts.DisableAsync(email, AuditActors.Cli))
                {
                    await output.WriteLineAsync($"{email.Trim()} ist gesperrt; offene Sitzungen sind beendet.");
                    return 0;
                }

                await output.WriteLineAsync("Kein aktives Konto mit dieser E-Mail-Adresse gefunden.");
                return 1;

            case ["moderator", "enable", var email]:
                var enabled = await accounts.EnableAsync(email, AuditActors.Cli);
                await output.WriteLineAsync(enabled ? $"{email.Trim()} ist wieder freigeschaltet." : "Kein gesperrtes Konto mit dieser E-Mail-Adresse gefunden.");
                return enabled ? 0 : 1;

            default:
                await output.WriteLineAsync(Usage);
                return 2;
        }
    }

    /// <summary>The link as before; it also went out by mail.</summary>
    private static async Task<int> PrintAsync(AccountResult result, string email, TextWriter output)
    {
        if (result.Error is not null)
        {
            await output.WriteLineAsync(result.Error);
            return 1;
        }

        await output.WriteLineAsync(result.Link is null
            ? $"Für {email.Trim()} ist gerade schon eine Einladung verschickt worden."
            : $"Einladungslink für {email.Trim()} (24 Stunden gültig, nur einmal verwendbar; auch per E-Mail verschickt):\n{result.Link}");
        return 0;
    }
}
