using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>
/// The writer that stores new applications many at once. To gather several into one save, a
/// transaction holds SQLite's write gate while they are handed over: the writer's first save waits
/// at the gate, and what arrives meanwhile is saved together once the gate opens.
/// </summary>
[Trait("Database", "Sqlite")] // gathered by holding SQLite's write gate; the writer itself is the same on PostgreSQL
public sealed class SubmissionWriterTests : IDisposable
{
    private static readonly TimeSpan Enough = TimeSpan.FromSeconds(20);
    private readonly SiteFactory _site = new();

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task OneThatBreaksAUniqueIndex_FailsAlone_TheOthersSavedWithItAreStored()
    {
        var now = _site.Clock.GetUtcNow().UtcDateTime;
        var taken = Application.Submit(Applications.Details("Schon da e. V.", "schon@da.example"), "2023-11", ConsentText.Version, false, now, formNonce: "taken");
        await _site.WithDbAsync(async db =>
        {
            db.Applications.Add(taken);
            await db.SaveChangesAsync();
        });
        var writer = _site.Services.GetRequiredService<SubmissionWriter>();

        List<Task<bool>> saves;
        await using (var scope = _site.Services.CreateAsyncScope())
        await using (var transaction = await HoldTheGateAsync(scope))
        {
            saves = [writer.SaveAsync(New(0, now))];
            await Task.Delay(300); // the writer takes the first and waits at the gate; the rest gather
            saves.AddRange(Enumerable.Range(1, 4).Select(i => writer.SaveAsync(New(i, now))));
            saves.Add(writer.SaveAsync(New(5, now, formNonce: "taken"))); // the same form sent twice
            saves.AddRange(Enumerable.Range(6, 3).Select(i => writer.SaveAsync(New(i, now))));
            await transaction.RollbackAsync();
        }

        var saved = await Task.WhenAll(saves).WaitAsync(Enough);
        Assert.Equal([true, true, true, true, true, false, true, true, true], saved);
        var stored = await _site.WithDbAsync(db => db.Applications.Where(a => a.OrganizationName.StartsWith("Verein ")).Select(a => new { a.OrganizationName, Mails = a.Mails.Count }).ToListAsync());
        Assert.Equal(["Verein 0", "Verein 1", "Verein 2", "Verein 3", "Verein 4", "Verein 6", "Verein 7", "Verein 8"], stored.Select(a => a.OrganizationName).Order());
        Assert.All(stored, a => Assert.Equal(1, a.Mails));
    }

    [Fact]
    public async Task WhenTheSiteStops_WhatWasHandedOver_IsStoredFirst_AndALateOneAlone()
    {
        var now = _site.Clock.GetUtcNow().UtcDateTime;
        var writer = _site.Services.GetRequiredService<SubmissionWriter>();

        Task<bool>[] saves;
        Task stopped;
        await using (var scope = _site.Services.CreateAsyncScope())
        await using (var transaction = await HoldTheGateAsync(scope))
        {
            var first = writer.SaveAsync(New(0, now));
            await Task.Delay(300); // the writer takes the first and waits at the gate; the others wait in line
            saves = [first, writer.SaveAsync(New(1, now)), writer.SaveAsync(New(2, now))];
            stopped = writer.StopAsync(CancellationToken.None);
            await transaction.RollbackAsync();
        }

        var saved = await Task.WhenAll(saves).WaitAsync(Enough);
        Assert.Equal([true, true, true], saved);
        await stopped.WaitAsync(Enough);
        Assert.Equal(3, await _site.WithDbAsync(db => db.Applications.CountAsync(a => a.OrganizationName.StartsWith("Verein "))));
        Assert.True(await writer.SaveAsync(New(9, now)).WaitAsync(Enough)); // one arriving after the stop is saved alone
        Assert.Equal(4, await _site.WithDbAsync(db => db.Applications.CountAsync(a => a.OrganizationName.StartsWith("Verein "))));
    }

    // A new application as the form makes it: with its audit entry and a confirmation mail.
    private static Application New(int i, DateTime now, string? formNonce = null)
    {
        var application = Application.Submit(Applications.Details($"Verein {i}", $"verein{i}@beispiel.example"), "2023-11", ConsentText.Version, false, now, formNonce ?? $"nonce-{i}");
        application.Mails.Add(new Email.OutboxMessage(Email.MailKinds.Confirmation, application.Email!, application.ContactName, "Bitte bestätigen", Email.MailBody.Create().Paragraph("Hallo").Build(), now));
        return application;
    }

    // A transaction that has written, so the gate (and SQLite's write lock) is held until it ends.
    private static Task<Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction> HoldTheGateAsync(AsyncServiceScope scope) =>
        Data.SqliteWriteGateTests.HoldTheWriteLockAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
}
