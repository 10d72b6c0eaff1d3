using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// A database from before the domain's states and audit codes (the Initial migration), filled the
/// way the site then filled it, upgraded to the current schema: nothing is lost or misread.
/// </summary>
[Trait("Database", "Sqlite")] // about the SQLite file itself; PostgreSQL has its own tests (Data/PostgresTests)
public sealed class MigrationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("integrationsoffensive-migration-").FullName;

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private AppDbContext Open() =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "old.db")}").Options);

    [Fact]
    public async Task Upgrade_SplitsUnpublishedFromWithdrawn_TurnsAuditLabelsIntoCodes_AndDerivesKeysAnew()
    {
        await using (var old = Open())
        {
            await old.GetService<IMigrator>().MigrateAsync("20261125115254_Initial");
            await old.Database.ExecuteSqlRawAsync("""
                INSERT INTO Applications (Id, Status, OrganizationName, OrganizationType, Place, Region, NormalizedName, SearchKey,
                    UpdatedAt, ConsentVersion, AppealVersion, IsPossibleDuplicate, SubmittedAt, AddedByModerator, ConcurrencyStamp,
                    Email, WithdrawnAt, ContactDataPurgedAt)
                VALUES
                    (1, 'Withdrawn', 'Von Moderation genommen', 'sonstige', 'Kassel', 'kassel-stadt', 'x', 'x', '2026-11-01', 'c', '2023-11', 0, '2026-10-01', 0,
                        '6F1C2B1E-0000-0000-0000-000000000001', 'kontakt@beispiel.de', '2026-11-01 10:00:00', NULL),
                    (2, 'Withdrawn', 'Selbst zurückgezogen', 'sonstige', 'Fulda', 'fulda', 'y', 'y', '2026-11-02', 'c', '2023-11', 0, '2026-10-02', 0,
                        '6F1C2B1E-0000-0000-0000-000000000002', NULL, '2026-11-02 10:00:00', '2026-11-02 10:00:00');
                INSERT INTO AuditEntries (OccurredAt, Actor, Action, Details, ApplicationId) VALUES
                    ('2026-11-01', 'mod@beispiel.de', 'depubliziert', 'Depubliziert', 1),
                    ('2026-11-02', 'Antragsteller*in', 'zurückgezogen', '', 2),
                    ('2026-11-03', 'unbekanntes Konto', 'Anmeldung fehlgeschlagen', '', NULL);
                """);
        }

        await using var upgraded = Open();
        await DataSetup.MigrateAsync(upgraded);

        var applications = await upgraded.Applications.AsNoTracking().OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([ApplicationStatus.Unpublished, ApplicationStatus.Withdrawn], applications.Select(a => a.Status));
        Assert.Equal(new DateTime(2026, 11, 1, 10, 0, 0, DateTimeKind.Utc), applications[0].UnpublishedAt);
        Assert.Null(applications[0].WithdrawnAt);
        Assert.Equal("kontakt@beispiel.de", applications[0].Email);
        Assert.NotNull(applications[1].WithdrawnAt);
        Assert.Equal(["vonmoderationgenommen", "selbstzurueckgezogen"], applications.Select(a => a.NormalizedName)); // keys derived anew

        var audit = await upgraded.AuditEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
        Assert.Equal([AuditAction.Unpublished, AuditAction.Withdrawn, AuditAction.LoginFailed], audit.Select(e => e.Action));
        Assert.Equal(["mod@beispiel.de", AuditActors.Applicant, AuditActors.UnknownAccount], audit.Select(e => e.Actor));
    }
}
