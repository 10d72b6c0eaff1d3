using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation;

/// <summary>
/// /moderation/antraege/{id}: every field, the application's own history, and the decisions.
/// Each form carries the version it was shown with; if someone else changed the application in
/// the meantime, nothing is overwritten and the moderator is told.
/// </summary>
public sealed partial class DetailModel(AppDbContext db, ApplicationMails mails, TimeProvider clock) : ModerationPageModel
{
    public const string ConflictMessage =
        "Diese Mitzeichnung wurde inzwischen von jemand anderem geändert. Ihre Aktion wurde nicht ausgeführt. Bitte prüfen Sie den aktuellen Stand unten.";

    public Application Application { get; private set; } = null!;

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public IReadOnlyList<RejectionReason> Reasons { get; private set; } = [];

    [BindProperty]
    public Guid Version { get; set; }

    [BindProperty]
    public DecisionInput Input { get; set; } = new();

    /// <summary>Set by „Speichern und nächster Antrag“: after the decision, the next waiting application.</summary>
    [BindProperty(Name = "weiter")]
    public bool Next { get; set; }

    public override string PageTitle => "Mitzeichnung prüfen";

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, showCurrentVersion: true) ? Page() : NotFound();

    /// <summary>Skips to the next waiting application without deciding this one.</summary>
    public async Task<IActionResult> OnGetNextAsync(int id)
    {
        var current = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        return current is null ? NotFound() : await NextAsync(current, done: null);
    }

    /// <summary>Approve or reject (with a reason from the list); with „Speichern und nächster Antrag“ straight on to the next one.</summary>
    public async Task<IActionResult> OnPostDecideAsync(int id)
    {
        var reason = await db.RejectionReasons.AsNoTracking().SingleOrDefaultAsync(r => r.Id == Input.ReasonId && r.IsActive);
        switch (Input.Decision)
        {
            case DecisionInput.Approve:
                return await DecideAsync(id, (application, now) =>
                {
                    application.Publish(Actor, now);
                    mails.Published(application, now);
                    return $"„{application.OrganizationName}“ ist freigegeben und erscheint auf der Website.";
                });
            case DecisionInput.Reject when reason is null:
                ModelState.AddModelError("Input.ReasonId", "Bitte wählen Sie einen Grund für die Ablehnung.");
                break;
            case DecisionInput.Reject:
                return await DecideAsync(id, (application, now) =>
                {
                    application.Reject(Actor, reason.Text, now);
                    mails.Rejected(application, reason.Text, TextInput.MultiLine(Input.Message), now);
                    return $"„{application.OrganizationName}“ ist abgelehnt; die Organisation bekommt eine E-Mail.";
                });
            default:
                ModelState.AddModelError("Input.Decision", "Bitte wählen Sie: freigeben oder ablehnen.");
                break;
        }

        return await LoadAsync(id) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostUnpublishAsync(int id) =>
        DecideAsync(id, (application, now) =>
        {
            application.Unpublish(Actor, TextInput.SingleLine(Input.Message), now);
            return "Die Mitzeichnung ist depubliziert und von allen öffentlichen Seiten verschwunden.";
        });

    public async Task<IActionResult> OnPostNoteAsync(int id)
    {
        var note = TextInput.MultiLine(Input.Note);
        if (note is null)
        {
            ModelState.AddModelError("Input.Note", "Bitte schreiben Sie eine Notiz.");
        }

        return await DecideAsync(id, (application, now) =>
        {
            application.AddNote(Actor, note!, now);
            return "Die Notiz ist gespeichert.";
        });
    }

    private async Task<IActionResult> DecideAsync(int id, Func<Application, DateTime, string> decide, bool withLogo = false)
    {
        var application = await (withLogo ? db.Applications.Include(a => a.Logo) : db.Applications.AsQueryable()).SingleOrDefaultAsync(a => a.Id == id);
        if (application is null)
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(id);
            return Page();
        }

        string? done = null;
        try
        {
            if (await db.TrySaveVersionAsync(application, Version, () => done = decide(application, clock.GetUtcNow().UtcDateTime)))
            {
                if (Next)
                {
                    return await NextAsync(application, done);
                }

                TempData.SetStatusMessage(done!);
                return RedirectToPage(new { id });
            }

            ModelState.AddModelError(string.Empty, ConflictMessage);
        }
        catch (InvalidTransitionException exception)
        {
            db.ChangeTracker.Clear();
            ModelState.AddModelError(string.Empty, exception.Message);
        }

        // The moderator is shown the current state now, so the forms carry its version.
        await LoadAsync(id, showCurrentVersion: true);
        return Page();
    }

    private async Task<IActionResult> NextAsync(Application current, string? done)
    {
        var next = await WaitingApplications.NextAfterAsync(db, current);
        if (next is null)
        {
            TempData.SetStatusMessage((done is null ? "" : done + " ") + "In der Warteschlange wartet kein weiterer Antrag.");
            return RedirectToPage("Index");
        }

        if (done is not null)
        {
            TempData.SetStatusMessage(done + " Hier ist der nächste Antrag.");
        }

        return RedirectToPage(new { id = next });
    }

    /// <summary>
    /// Loads what the page shows. Only where the moderator is shown the current state (the page
    /// itself, or after a conflict) do its forms take the current version; a form that comes back
    /// for the moderator's own mistake keeps the version it was shown with, so a change someone
    /// else made meanwhile is still noticed at the next click.
    /// </summary>
    private async Task<bool> LoadAsync(int id, bool showCurrentVersion = false)
    {
        var application = await db.Applications.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id);
        if (application is null)
        {
            return false;
        }

        Application = application;
        if (showCurrentVersion)
        {
            // The posted version, kept by model binding, would otherwise win in the hidden field,
            // and after a conflict every retry would conflict again.
            Version = application.ConcurrencyStamp;
            ModelState.Remove(nameof(Version));
        }
        LogoHash = await db.ApplicationLogos.Where(l => l.ApplicationId == id).Select(l => l.Hash).SingleOrDefaultAsync();
        History = await db.AuditEntries.AsNoTracking().Where(e => e.ApplicationId == id).OrderBy(e => e.OccurredAt).ThenBy(e => e.Id).ToListAsync();
        Reasons = await db.RejectionReasons.AsNoTracking().Where(r => r.IsActive).OrderBy(r => r.SortOrder).ToListAsync();
        return true;
    }

    public sealed class DecisionInput
    {
        public const string Approve = "freigeben";
        public const string Reject = "ablehnen";

        public string? Decision { get; set; }

        public int? ReasonId { get; set; }

        [StringLength(2000, ErrorMessage = "Die Nachricht darf höchstens {1} Zeichen lang sein.")]
        public string? Message { get; set; }

        [StringLength(2000, ErrorMessage = "Die Notiz darf höchstens {1} Zeichen lang sein.")]
        public string? Note { get; set; }
    }
}
