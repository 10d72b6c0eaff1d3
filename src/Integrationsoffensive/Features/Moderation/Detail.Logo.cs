using Integrationsoffensive.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// The logo on the application's page: moderators see it before approval (the public address
/// serves published logos only), and can remove it (recorded in the history).
/// </summary>
public sealed partial class DetailModel
{
    /// <summary>The hash of the application's logo, or null without one.</summary>
    public string? LogoHash { get; private set; }

    /// <summary>The picture itself, for moderators, whatever the state; never cached (the moderation pages' [PrivatePage] filter).</summary>
    public async Task<IActionResult> OnGetLogoAsync(int id, int size)
    {
        var picture = await db.ApplicationLogos.AsNoTracking().Where(l => l.ApplicationId == id)
            .Select(l => size == ApplicationLogo.LargeSize ? l.Large : l.Small)
            .SingleOrDefaultAsync();
        if (picture is null)
        {
            return NotFound();
        }

        return File(picture, "image/png");
    }

    public Task<IActionResult> OnPostRemoveLogoAsync(int id) =>
        DecideAsync(id, (application, now) =>
        {
            application.RemoveLogo(Actor, now);
            return "Das Logo ist entfernt.";
        }, withLogo: true);
}
