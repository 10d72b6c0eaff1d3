using Integrationsoffensive.Data;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// Several instances over one PostgreSQL database: migrations at start, the outbox, the key ring.
/// Skipped with the reason when TEST_POSTGRES is not set; .ci/run sets it, so CI runs them.
/// </summary>
[Trait("Database", "Postgres")]
public sealed class PostgresTests
{
    private static readonly DateTime Before = new(2026, 11, 25, 8, 0, 0, DateTimeKind.Utc);

    [PostgresFact]
    public async Task TwoSites_StartingTogetherOnAnEmptyDatabase_MigrateOnce_AndBothServe()
    {
        var database = TestPostgres.CreateEmptyDatabase();
        try
        {
            using var first = new SiteFactory().OnPostgres(database);
            using var second = new SiteFactory().OnPostgres(database);

            var answers = await Task.WhenAll(
                Task.Run(() => first.CreatePlainClient().GetAsync("/healthz/ready")),
                Task.Run(() => second.CreatePlainClient().GetAsync("/healthz/ready")));

            Assert.All(answers, a => Assert.Equal(System.Net.HttpStatusCode.OK, a.StatusCode));
            await using var db = TestPostgres.CreateContext(database);
            var applied = await db.Database.GetAppliedMigrationsAsync();
            Assert.Equal(db.Database.GetMigrations(), applied);
            Assert.Equal(0, await db.Database.SqlQuery<int>($"""SELECT count(*) - count(DISTINCT "MigrationId") AS "Value" FROM "__EFMigrationsHistory" """).SingleAsync());
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    [PostgresFact]
    public async Task Outbox_TwoSitesSendingInParallel_SendEveryMailExactlyOnce()
    {
        const int count = 300;
        var database = TestPostgres.CreateDatabase();
        try
        {
            await using (var db = TestPostgres.CreateContext(database))
            {
                db.OutboxMessages.AddRange(Enumerable.Range(1, count).Select(i => Mails.Waiting($"Nachricht {i}", Before)));
                await db.SaveChangesAsync();
            }

            using var first = new SiteFactory().OnPostgres(database);
            using var second = new SiteFactory().OnPostgres(database);
            await Task.WhenAll(
                Task.Run(() => first.CreatePlainClient().GetAsync("/healthz")),
                Task.Run(() => second.CreatePlainClient().GetAsync("/healthz")));

            await Eventually.WaitForAsync(
                async () => { await using var db = TestPostgres.CreateContext(database); return await db.OutboxMessages.CountAsync(m => m.SentAt != null); },
                sent => sent == count,
                sent => $"{sent} of {count} mails marked sent",
                TimeSpan.FromSeconds(60));

            var subjects = Subjects(first).Concat(Subjects(second)).ToList();
            Assert.Equal(count, subjects.Count);
            Assert.Equal(count, subjects.Distinct(StringComparer.Ordinal).Count());
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    [PostgresFact]
    public async Task KeyRing_WrittenByOneSite_DecryptsOnASecondRunningSite()
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            using var first = new SiteFactory { KeysInDatabase = true }.OnPostgres(database);
            var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Test").Protect("Einladung für Nr. 7");

            using var second = new SiteFactory { KeysInDatabase = true }.OnPostgres(database);
            var read = second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Test").Unprotect(secret);

            Assert.Equal("Einladung für Nr. 7", read);
            await using var db = TestPostgres.CreateContext(database);
            Assert.Equal(1, await db.DataProtectionKeys.CountAsync());
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    [PostgresFact]
    public async Task SignIn_EachStepOnAnotherInstance_TheSessionHoldsOnBoth()
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            using var first = new SiteFactory { KeysInDatabase = true }.OnPostgres(database);
            using var second = new SiteFactory { KeysInDatabase = true }.OnPostgres(database);
            var moderator = await first.CreateModeratorAsync();
            var jar = new System.Net.CookieContainer();
            var a = first.CreateDefaultClient(new Uri("https://localhost"), new SharedCookies(jar));
            var b = second.CreateDefaultClient(new Uri("https://localhost"), new SharedCookies(jar));

            // The form and its antiforgery token from one instance, the answer to the other: a balancer does that.
            var (_, login) = await a.GetPageAsync("/konto/anmelden");
            var password = await b.SubmitAsync(login, "main form", new Dictionary<string, string?> { ["Input.Email"] = moderator.Email, ["Input.Password"] = moderator.Password });
            Assert.Equal("/konto/anmelden/code", password.Headers.Location?.OriginalString.Split('?')[0]);
            var (_, codePage) = await b.GetPageAsync(password.Headers.Location!.OriginalString);
            var code = await a.SubmitAsync(codePage, "main form", new Dictionary<string, string?> { ["Input.Code"] = moderator.NextCode() });
            Assert.Equal("/moderation", code.Headers.Location?.OriginalString);

            Assert.Equal(System.Net.HttpStatusCode.OK, (await a.GetAsync("/moderation")).StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, (await b.GetAsync("/moderation")).StatusCode);
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    [PostgresFact]
    public async Task UniqueViolation_OnPostgres_IsAConflict_NotAnError()
    {
        var database = TestPostgres.CreateDatabase();
        try
        {
            var day = new DateOnly(2026, 11, 25);
            await using (var db = TestPostgres.CreateContext(database))
            {
                db.DailyDigests.Add(new DailyDigest(day, Before, 1));
                Assert.True(await db.TrySaveChangesAsync());
            }

            await using (var db = TestPostgres.CreateContext(database))
            {
                db.DailyDigests.Add(new DailyDigest(day, Before, 2));
                Assert.False(await db.TrySaveChangesAsync());
            }
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    private static IEnumerable<string> Subjects(SiteFactory site) => Directory.Exists(site.PickupPath)
        ? Directory.EnumerateFiles(site.PickupPath, "*.eml").Select(path => MimeMessage.Load(path).Subject ?? "")
        : [];
}
