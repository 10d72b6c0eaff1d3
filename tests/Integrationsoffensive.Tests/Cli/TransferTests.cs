using System.Text.Json;
using Integrationsoffensive.Cli;
using Integrationsoffensive.Tests.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Cli;

/// <summary>export from SQLite, import into PostgreSQL: every table keeps every row, ids included.</summary>
[Trait("Database", "Postgres")]
public sealed class TransferTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("integrationsoffensive-export-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static async Task<(int Exit, string Output)> RunAsync(SiteFactory site, params string[] args)
    {
        using var output = new StringWriter();
        var exit = await HostCommands.RunAsync(site.Services, args, output);
        return (exit, output.ToString());
    }

    [PostgresFact]
    public async Task Export_FromSqlite_ImportIntoPostgres_KeepsEveryRowOfEveryTable()
    {
        var fromSqlite = Path.Combine(_folder, "sqlite.json");
        var fromPostgres = Path.Combine(_folder, "postgres.json");
        using var sqlite = new SiteFactory { KeysInDatabase = true };
        var moderator = await sqlite.CreateModeratorAsync();
        await sqlite.PublishedAsync(Applications.Details(name: "Caritas Hessen", email: "a@caritas.example"));
        await sqlite.PublishedAsync(Applications.Details(name: "Ärztinnen ohne Grenzen Ortsgruppe", email: "b@aerzte.example"));
        await sqlite.ConfirmedAsync(Applications.Details(name: "Wartende Initiative", email: "c@warten.example"));
        await sqlite.ApplyAsync(sqlite.CreatePlainClient(), Applications.FormValues(name: "Neue Initiative", email: "d@neu.example"));
        await sqlite.WaitForPickupMailsAsync(_ => true, count: 2);
        Assert.Equal(0, (await RunAsync(sqlite, "export", fromSqlite)).Exit);

        var database = TestPostgres.CreateDatabase();
        try
        {
            using var postgres = new SiteFactory().OnPostgres(database).WithSetting("Email:PollIntervalSeconds", "3600");
            var (exit, output) = await RunAsync(postgres, "import", fromSqlite);
            Assert.True(exit == 0, output);
            Assert.Equal(0, (await RunAsync(postgres, "export", fromPostgres)).Exit);

            var before = Tables(fromSqlite);
            var after = Tables(fromPostgres);
            Assert.Equal(before.Keys.Order(), after.Keys.Order());
            Assert.True(before["Applications"].Count >= 4 && before["AspNetUsers"].Count == 1 && before["DataProtectionKeys"].Count >= 1 && before["OutboxMessages"].Count >= 1);
            foreach (var (table, rows) in before)
            {
                Assert.True(rows.SequenceEqual(after[table]), $"{table}: {rows.Count} rows exported, {after[table].Count} after the move, or their contents differ");
            }

            Assert.Equal(1, (await RunAsync(postgres, "import", fromSqlite)).Exit); // not into a database with data
            var (_, list) = await postgres.CreatePlainClient().GetPageAsync("/unterzeichnende");
            Assert.Contains("Ärztinnen ohne Grenzen Ortsgruppe", list.Body!.TextContent, StringComparison.Ordinal);
            await postgres.SignInAsync(moderator);
            await postgres.PublishedAsync(Applications.Details(name: "Nach dem Umzug", email: "e@danach.example")); // ids go on after the imported ones
        }
        finally
        {
            TestPostgres.DropDatabase(database);
        }
    }

    // Each table's rows as JSON text, sorted: the same data reads the same from either provider.
    private static Dictionary<string, List<string>> Tables(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(file));
        return document.RootElement.GetProperty("tables").EnumerateObject().ToDictionary(
            t => t.Name,
            t => t.Value.GetProperty("rows").EnumerateArray().Select(r => r.GetRawText()).Order(StringComparer.Ordinal).ToList());
    }
}
