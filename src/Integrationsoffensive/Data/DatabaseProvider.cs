namespace Integrationsoffensive.Data;

/// <summary>Which database the site uses: <c>Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>One SQLite file in the data directory: one host, nothing to install (the default).</summary>
    Sqlite,

    /// <summary>PostgreSQL at <c>ConnectionStrings:Postgres</c>: several instances over one database.</summary>
    Postgres,
}

public static class DatabaseProviders
{
    public const string Setting = "Database:Provider";

    public const string PostgresConnection = "Postgres";

    /// <summary>The configured provider; an unknown name stops the start with a message naming the setting.</summary>
    public static DatabaseProvider Configured(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
        {
            return DatabaseProvider.Sqlite;
        }

        return Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) && Enum.IsDefined(provider)
            ? provider
            : throw new InvalidOperationException($"{Setting} must be Sqlite or Postgres, not „{value}“.");
    }

    /// <summary>The PostgreSQL connection string; missing, the start stops with a message naming the setting.</summary>
    public static string PostgresConnectionString(IConfiguration configuration)
    {
        var configured = configuration.GetConnectionString(PostgresConnection);
        return string.IsNullOrWhiteSpace(configured)
            ? throw new InvalidOperationException($"{Setting}=Postgres needs ConnectionStrings:{PostgresConnection} (environment: ConnectionStrings__{PostgresConnection}).")
            : configured;
    }
}
