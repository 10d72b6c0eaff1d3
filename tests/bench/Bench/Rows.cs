using Microsoft.Data.Sqlite;

namespace Integrationsoffensive.Bench;

/// <summary>How many applications the database holds: compared with the accepted answers, nothing may be lost.</summary>
public static class Rows
{
    public static int Run(Options options)
    {
        using var connection = new SqliteConnection($"Data Source={options.Text("db")};Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Applications";
        Latencies.Report(new { applications = Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) });
        return 0;
    }
}
