using System.ComponentModel.DataAnnotations;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Moderation.Admin;

/// <summary>/moderation/admin/ablehnungsgruende: the list moderators choose from when rejecting.</summary>
[Authorize(Policy = Policies.Admin)]
public sealed class RejectionReasonsModel(AppDbContext db, TimeProvider clock) : ModerationPageModel
{
    [BindProperty]
    public ReasonInput Input { get; set; } = new();

    [BindProperty]
    public int ReasonId { get; set; }

    public IReadOnlyList<RejectionReason> Reasons { get; private set; } = [];

    public override string PageTitle => "Ablehnungsgründe";

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync()
    {
        Input.Text = TextInput.SingleLine(Input.Text);
        ModelState.Clear();
        if (TryValidateModel(Input, nameof(Input)))
        {
            var order = await db.RejectionReasons.MaxAsync(r => (int?)r.SortOrder) ?? 0;
            db.RejectionReasons.Add(new RejectionReason { Text = Input.Text!, SortOrder = order + 1 });
            db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, Actor, AuditAction.ReasonsChanged, "Neu: " + Input.Text));
            await db.SaveChangesAsync();
            return RedirectToPage();
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostToggleAsync()
    {
        var reason = await db.RejectionReasons.SingleOrDefaultAsync(r => r.Id == ReasonId);
        if (reason is null)
        {
            return NotFound();
        }

        reason.IsActive = !reason.IsActive;
        db.AuditEntries.Add(new AuditEntry(clock.GetUtcNow().UtcDateTime, Actor, AuditAction.ReasonsChanged,
            (reason.IsActive ? "Wieder aktiv: " : "Nicht mehr angeboten: ") + reason.Text));
        await db.SaveChangesAsync();
        return RedirectToPage();
    }

    private async Task LoadAsync() => Reasons = await db.RejectionReasons.AsNoTracking().OrderBy(r => r.SortOrder).ToListAsync();

    public sealed class ReasonInput
    {
        [Required(ErrorMessage = "Bitte formulieren Sie den Grund.")]
        [StringLength(300, ErrorMessage = "Der Grund darf höchstens {1} Zeichen lang sein.")]
        public string? Text { get; set; }
    }
}
