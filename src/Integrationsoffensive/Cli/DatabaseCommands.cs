using Integrationsoffensive.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Cli;

/// <summary>
/// <c>backup &lt;file&gt;</c> and <c>restore &lt;file&gt;</c> (SQLite, with its online backup: the site may
/// keep running during a backup); <c>export &lt;file&gt;</c> and <c>import &lt;file&gt;</c> (all data as
/// JSON, between providers). On PostgreSQL, backups are pg_dump's job (docs/betrieb.md).
/// </summary>
public static class DatabaseCommands
{
    public const string Usage = """
        Aufruf:
          backup <Datei>    sichert die SQLite-Datenbank im laufenden Betrieb in eine Datei
          restore <Datei>   spielt eine Sicherung zurück (die Seite vorher anhalten)
          export <Datei>    schreibt alle Daten als JSON (für den Umzug zu PostgreSQL)
          import <Datei>    lädt einen Export in eine neue, leere Datenbank
        """;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        try
        {
            return args switch
            {
                ["backup", var file] => await BackupAsync(db, file, output),
                ["restore", var file] => await RestoreAsync(db, file, output),
                ["export", var file] => await ExportAsync(db, file, output),
                ["import", var file] => await ImportAsync(db, file, output),
                _ => await UsageAsync(output),
            };
        }
        catch (Exception exception) when (exception is DataImport.RefusedException or IOException or UnauthorizedAccessException or SqliteException)
        {
            await output.WriteLineAsync("Fehler: " + exception.Message);
            return 1;
        }
    }

    private static async Task<int> BackupAsync(AppDbContext db, string file, TextWriter output)
    {
        if (!await RequireSqliteAsync(db, output))
        {
            return 1;
        }

        var target = Path.GetFullPath(file);
        if (File.Exists(target))
        {
            await output.WriteLineAsync($"Fehler: {target} gibt es schon; eine Sicherung überschreibt nichts.");
            return 1;
        }

        // SQLite's online backup copies a consistent state of the database while the site goes on
        // reading and writing; pages written during the copy make it start over from a new state.
        await using var source = new SqliteConnection(db.Database.GetConnectionString());
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await source.OpenAsync();
        await destination.OpenAsync();
        source.BackupDatabase(destination);
        await output.WriteLineAsync($"Gesichert: {target} ({new FileInfo(target).Length / 1024} KB).");
        return 0;
    }

    private static async Task<int> RestoreAsync(AppDbContext db, string file, TextWriter output)
    {
        if (!await RequireSqliteAsync(db, output))
        {
            return 1;
        }

        var source = Path.GetFullPath(file);
        if (!File.Exists(source) || !await IsSiteDatabaseAsync(source))
        {
            await output.WriteLineAsync($"Fehler: {source} ist keine Sicherung dieser Seite (backup <Datei>).");
            return 1;
        }

        await using (var from = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = source, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString()))
        await using (var to = new SqliteConnection(db.Database.GetConnectionString()))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }

        SqliteConnection.ClearAllPools();
        await DataSetup.MigrateAsync(db); // a backup from an older version is brought up to date
        await output.WriteLineAsync($"Zurückgespielt: {source}. Starten Sie die Seite jetzt (wieder).");
        return 0;
    }

    private static async Task<int> ExportAsync(AppDbContext db, string file, TextWriter output)
    {
        await using var stream = new FileStream(file, FileMode.CreateNew);
        var counts = await DataTransfer.ExportAsync(db, stream);
        await output.WriteLineAsync($"Exportiert: {Path.GetFullPath(file)} – {Summary(counts)}.");
        return 0;
    }

    private static async Task<int> ImportAsync(AppDbContext db, string file, TextWriter output)
    {
        await using var stream = File.OpenRead(file);
        var counts = await DataImport.ImportAsync(db, stream);
        await output.WriteLineAsync($"Importiert: {Summary(counts)}.");
        return 0;
    }

    private static string Summary(Dictionary<string, int> counts) =>
        string.Join(", ", counts.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value}"));

    private static async Task<bool> RequireSqliteAsync(AppDbContext db, TextWriter output)
    {
        if (db.Database.IsSqlite())
        {
            return true;
        }

        await output.WriteLineAsync("Fehler: backup und restore gelten für SQLite. PostgreSQL sichern Sie mit pg_dump und spielen mit pg_restore zurück (docs/betrieb.md).");
        return false;
    }

    private static async Task<bool> IsSiteDatabaseAsync(string path)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name IN ('__EFMigrationsHistory', 'Applications')";
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) == 2;
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    private static async Task<int> UsageAsync(TextWriter output)
    {
        await output.WriteLineAsync(Usage);
        return 2;
    }
}
