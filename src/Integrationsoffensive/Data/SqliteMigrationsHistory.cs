using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Sqlite.Migrations.Internal;

namespace Integrationsoffensive.Data;

/// <summary>
/// EF Core's migrations history on SQLite, with its table's script and column names written out.
/// EF derives them from a small model it builds with all its conventions for the history table,
/// every time the site starts (Migrate asks for the script first): 85–145 ms of a start on two
/// cores, on the path to the first answer (README „Leistung“). <c>MigrationsHistoryTests</c>
/// compares every script with the one EF generates, so an EF update that changes them fails there.
/// </summary>
#pragma warning disable EF1001 // The provider's repository is public, but EF marks its namespace as internal API.
public sealed class SqliteMigrationsHistory(HistoryRepositoryDependencies dependencies) : SqliteHistoryRepository(dependencies)
#pragma warning restore EF1001
{
    public const string CreateScript = """
        CREATE TABLE "__EFMigrationsHistory" (
            "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
            "ProductVersion" TEXT NOT NULL
        );

        """;

    protected override string MigrationIdColumnName => "MigrationId";

    protected override string ProductVersionColumnName => "ProductVersion";

    // The provider's GetCreateIfNotExistsScript derives its script from this one.
    public override string GetCreateScript() => CreateScript;
}
