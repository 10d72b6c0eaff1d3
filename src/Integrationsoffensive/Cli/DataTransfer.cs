using System.Data.Common;
using System.Text.Json;
using Integrationsoffensive.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Integrationsoffensive.Cli;

/// <summary>
/// All data of the site as one JSON file, independent of the provider: every table of the model,
/// every column, every row with its ids. <c>export</c> writes it from one database, <c>import</c>
/// loads it into another (SQLite → PostgreSQL when a campaign outgrows one host).
/// Format: <c>{ "format": 1, "provider": …, "tables": { "Name": { "columns": [..], "rows": [[..], ..] } } }</c>.
/// </summary>
public static class DataTransfer
{
    public const int Format = 1;

    /// <summary>The model's tables, parents before children (foreign keys), so rows can be inserted in this order.</summary>
    public static IReadOnlyList<ITable> Tables(AppDbContext db)
    {
        var tables = db.Model.GetRelationalModel().Tables.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();
        var ordered = new List<ITable>();
        var done = new HashSet<string>(StringComparer.Ordinal);
        while (ordered.Count < tables.Count)
        {
            var next = tables.First(t => !done.Contains(t.Name)
                && t.ForeignKeyConstraints.All(fk => fk.PrincipalTable.Name == t.Name || done.Contains(fk.PrincipalTable.Name)));
            ordered.Add(next);
            done.Add(next.Name);
        }

        return ordered;
    }

    /// <summary>Writes every row of every table; returns the rows per table.</summary>
    public static async Task<Dictionary<string, int>> ExportAsync(AppDbContext db, Stream output)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = false });
        json.WriteStartObject();
        json.WriteNumber("format", Format);
        json.WriteString("provider", db.Database.ProviderName);
        json.WriteStartObject("tables");
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var table in Tables(db))
            {
                var columns = table.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
                json.WriteStartObject(table.Name);
                json.WriteStartArray("columns");
                columns.ForEach(c => json.WriteStringValue(c.Name));
                json.WriteEndArray();
                json.WriteStartArray("rows");
                await using var command = connection.CreateCommand();
                var keys = table.PrimaryKey!.Columns.Select(c => Quote(c.Name));
                command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => Quote(c.Name)))} FROM {Quote(table.Name)} ORDER BY {string.Join(", ", keys)}";
                await using var reader = await command.ExecuteReaderAsync();
                var rows = 0;
                while (await reader.ReadAsync())
                {
                    json.WriteStartArray();
                    for (var i = 0; i < columns.Count; i++)
                    {
                        var value = reader.IsDBNull(i) ? null : ColumnValues.Read(reader, i, columns[i].ProviderClrType);
                        JsonSerializer.Serialize(json, value, value?.GetType() ?? typeof(object));
                    }

                    json.WriteEndArray();
                    rows++;
                }

                json.WriteEndArray();
                json.WriteEndObject();
                counts[table.Name] = rows;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        json.WriteEndObject();
        json.WriteEndObject();
        return counts;
    }

    internal static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}

/// <summary>Column values read and written alike by SQLite and PostgreSQL; every time stamp is UTC.</summary>
internal static class ColumnValues
{
    public static object? Read(DbDataReader reader, int ordinal, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type switch
        {
            _ when type == typeof(DateTime) => DateTime.SpecifyKind(reader.GetFieldValue<DateTime>(ordinal), DateTimeKind.Utc),
            _ when type == typeof(DateTimeOffset) => reader.GetFieldValue<DateTimeOffset>(ordinal).ToUniversalTime(),
            _ when type == typeof(DateOnly) => reader.GetFieldValue<DateOnly>(ordinal),
            _ when type == typeof(Guid) => reader.GetFieldValue<Guid>(ordinal),
            _ when type == typeof(bool) => reader.GetFieldValue<bool>(ordinal),
            _ when type == typeof(int) => reader.GetFieldValue<int>(ordinal),
            _ when type == typeof(long) => reader.GetFieldValue<long>(ordinal),
            _ when type == typeof(double) => reader.GetFieldValue<double>(ordinal),
            _ when type == typeof(byte[]) => reader.GetFieldValue<byte[]>(ordinal),
            _ => reader.GetFieldValue<string>(ordinal),
        };
    }

    public static object? FromJson(JsonElement element, Type type)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var value = element.Deserialize(Nullable.GetUnderlyingType(type) ?? type);
        return value switch
        {
            DateTime time => DateTime.SpecifyKind(time, DateTimeKind.Utc),
            DateTimeOffset time => time.ToUniversalTime(),
            _ => value,
        };
    }
}
