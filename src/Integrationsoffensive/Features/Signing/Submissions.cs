using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Features.Signing;

/// <summary>What became of a submitted form.</summary>
public enum SubmissionOutcome
{
    /// <summary>A new application is stored; its confirmation mail is queued.</summary>
    Stored,

    /// <summary>The same application was already there (sent twice, or the same person again); nothing new.</summary>
    AlreadyThere,

    /// <summary>The form was already used for another application; the person is asked to send it again.</summary>
    FormUsedForAnother,
}

/// <summary>
/// Storing applications and sending confirmation links when many requests arrive at once: each
/// step saves in one transaction with its mail; if a parallel request changed the same rows first
/// (a unique index, a concurrency stamp), the step looks again and answers from what is stored.
/// </summary>
public sealed class Submissions(AppDbContext db, ContentStore content, DuplicateCheck duplicates, ConfirmationMails confirmations, SubmissionWriter writer)
{
    private const int Rounds = 3;

    // The queries every application runs, compiled once: EF Core otherwise walks and hashes each
    // query's expression tree per call to find its cached plan.
    private static readonly Func<AppDbContext, string, Task<SentForm?>> SentWithForm = EF.CompileAsyncQuery(
        (AppDbContext db, string nonce) => db.Applications.AsNoTracking()
            .Where(a => a.FormNonce == nonce).Select(a => new SentForm(a.NormalizedName, a.Email)).FirstOrDefault());

    private static readonly Func<AppDbContext, string, IAsyncEnumerable<Application>> OpenFor = EF.CompileAsyncQuery<AppDbContext, string, Application>(
        (AppDbContext db, string email) => db.Applications
            .Where(a => a.Email == email && (a.Status == ApplicationStatus.Submitted || a.Status == ApplicationStatus.Confirmed))
            .OrderBy(a => a.Id));

    private sealed record SentForm(string NormalizedName, string? Email);

    public async Task<(SubmissionOutcome Outcome, Application? Stored)> SubmitAsync(ApplicationDetails details, FormStamp? stamp, DateTime now, ApplicationLogo? logo = null)
    {
        var name = OrganizationNames.Normalize(details.PublicFields.OrganizationName);
        // One connection for the half-dozen lookups and the save: opening a pooled SQLite connection
        // registers EF's functions anew each time, which cost more than the lookups themselves.
        await db.Database.OpenConnectionAsync();
        for (var round = 0; round < Rounds; round++)
        {
            // One fetched form carries one application: sent again unchanged (a double click) it is
            // the same application; with other data, the person is asked to send a fresh form.
            var sentWithThisForm = stamp is null ? null : await SentWithForm(db, stamp.Nonce);
            if (sentWithThisForm is not null)
            {
                return (sentWithThisForm.NormalizedName == name && sentWithThisForm.Email == details.Email
                    ? SubmissionOutcome.AlreadyThere : SubmissionOutcome.FormUsedForAnother, null);
            }

            // The same person applying again for the same organization gets a fresh link, not a second
            // entry. One query finds that and every application waiting for the address (what its
            // confirmation mail lists).
            var open = await OpenFor(db, details.Email!).ToListAsync();
            var pending = open.FirstOrDefault(a => a.NormalizedName == name);
            if (pending is { Status: ApplicationStatus.Confirmed })
            {
                return (SubmissionOutcome.AlreadyThere, null);
            }

            var waiting = open.Where(a => a.Status == ApplicationStatus.Submitted).ToList();
            if (pending is not null)
            {
                pending.RecordConfirmationResent(now);
                await confirmations.QueueAsync(db, details.Email!, waiting, now);
                if (await db.TrySaveChangesAsync())
                {
                    return (SubmissionOutcome.AlreadyThere, null);
                }

                continue;
            }

            var duplicate = await duplicates.FindAsync(details.PublicFields);
            var application = Application.Submit(details, AppealContent.CurrentVersion(content), ConsentText.Version, duplicate is not null, now, stamp?.Nonce, logo);
            waiting.Add(application);
            await confirmations.QueueAsync(db, details.Email!, waiting, now);
            // Mostly the new application with what hangs on it is all there is to store: the writer
            // stores many such at once. New links for the address's other applications, or a queued
            // mail rewritten, are saved here with it.
            if (db.ChangeTracker.HasChanges() ? await SaveHereAsync(application) : await HandOverAsync(application))
            {
                return (SubmissionOutcome.Stored, application);
            }
        }

        return (SubmissionOutcome.AlreadyThere, null); // parallel requests kept winning; what they stored stands
    }

    // The connection goes back to its pool while the request waits: with as many requests waiting
    // as the pool has connections, the writer would otherwise find none for itself.
    private async Task<bool> HandOverAsync(Application application)
    {
        await db.Database.CloseConnectionAsync();
        return await writer.SaveAsync(application);
    }

    private async Task<bool> SaveHereAsync(Application application)
    {
        db.Applications.Add(application);
        return await db.TrySaveChangesAsync();
    }

    /// <summary>A new confirmation link for every application waiting for this address (bundled, at most one mail per interval).</summary>
    public async Task ResendAsync(string email, DateTime now)
    {
        await db.Database.OpenConnectionAsync();
        for (var round = 0; round < Rounds; round++)
        {
            var waiting = await ConfirmationMails.WaitingAsync(db, email);
            if (waiting.Count == 0)
            {
                return;
            }

            waiting.ForEach(a => a.RecordConfirmationResent(now));
            await confirmations.QueueAsync(db, email, waiting, now);
            if (await db.TrySaveChangesAsync())
            {
                return;
            }
        }
    }
}
