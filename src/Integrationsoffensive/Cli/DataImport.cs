using System.Text.Json;
using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Integrationsoffensive.Cli;

/// <summary>
/// Loads a file written by <see cref="DataTransfer.ExportAsync"/> into this database, keeping every
/// id, in one transaction: all or nothing. The target must be new (migrated, without applications
/// or accounts); what the migrations put there (the rejection reasons) is replaced by the file's.
/// </summary>
public static class DataImport
{
    public sealed class RefusedException(string message) : Exception(message);

    public static async Task<Dictionary<string, int>> ImportAsync(AppDbContext db, Stream input)
    {
        using var document = await JsonDocument.ParseAsync(input);
        var root = document.RootElement;
        if (!root.TryGetProperty("format", out var format) || format.GetInt32() != DataTransfer.Format || !root.TryGetProperty("tables", out var tables))
        {
            throw new RefusedException("Die Datei ist kein Export dieser Seite (export <Datei>).");
        }

        if (await db.Applications.AnyAsync() || await db.Users.AnyAsync())
        {
            throw new RefusedException("Die Zieldatenbank enthält schon Anträge oder Konten. Importieren Sie nur in eine neue, leere Datenbank.");
        }

        var model = DataTransfer.Tables(db);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var connection = db.Database.GetDbConnection();
        foreach (var table in model.Reverse())
        {
            var delete = "DELETE FROM " + DataTransfer.Quote(table.Name); // names from the model, not from the file
            await db.Database.ExecuteSqlRawAsync(delete);
        }

        foreach (var table in model)
        {
            if (!tables.TryGetProperty(table.Name, out var data))
            {
                counts[table.Name] = 0;
                continue;
            }

            var names = data.GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
            var columns = names.Select(n => table.FindColumn(n)
                ?? throw new RefusedException($"Die Datei passt nicht zu dieser Version: Spalte {table.Name}.{n} ist unbekannt.")).ToList();
            await using var command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
            command.CommandText = $"INSERT INTO {DataTransfer.Quote(table.Name)} ({string.Join(", ", names.Select(DataTransfer.Quote))}) "
                + $"VALUES ({string.Join(", ", names.Select((_, i) => "@p" + i))})";
            var parameters = columns.Select((column, i) => Parameter(command, "@p" + i, column)).ToList();
            command.Parameters.AddRange(parameters.ToArray());
            var rows = 0;
            foreach (var row in data.GetProperty("rows").EnumerateArray())
            {
                var i = 0;
                foreach (var value in row.EnumerateArray())
                {
                    parameters[i].Value = ColumnValues.FromJson(value, columns[i].ProviderClrType) ?? DBNull.Value;
                    i++;
                }

                await command.ExecuteNonQueryAsync();
                rows++;
            }

            counts[table.Name] = rows;
            await ContinueIdentityAsync(db, table);
        }

        await transaction.CommitAsync();
        return counts;
    }

    private static System.Data.Common.DbParameter Parameter(System.Data.Common.DbCommand command, string name, IColumn column)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        if (parameter is NpgsqlParameter npgsql && column.StoreType.StartsWith("json", StringComparison.Ordinal))
        {
            npgsql.NpgsqlDbType = column.StoreType == "jsonb" ? NpgsqlDbType.Jsonb : NpgsqlDbType.Json;
        }

        return parameter;
    }

    // PostgreSQL's identity columns do not notice ids inserted as they are: the next id must follow
    // the highest imported one. (SQLite's AUTOINCREMENT follows by itself.)
    private static async Task ContinueIdentityAsync(AppDbContext db, ITable table)
    {
        if (!db.Database.IsNpgsql())
        {
            return;
        }

        foreach (var column in table.Columns.Where(c => c.ProviderClrType == typeof(int) || c.ProviderClrType == typeof(long)))
        {
            var identity = column.PropertyMappings.Any(m => m.Property.ValueGenerated == ValueGenerated.OnAdd && m.Property.IsPrimaryKey());
            if (identity)
            {
                var quoted = DataTransfer.Quote(table.Name);
                var sql = $"SELECT setval(pg_get_serial_sequence('{quoted}', '{column.Name}'), COALESCE((SELECT MAX({DataTransfer.Quote(column.Name)}) FROM {quoted}), 0) + 1, false)";
                await db.Database.ExecuteSqlRawAsync(sql);
            }
        }
    }
}
