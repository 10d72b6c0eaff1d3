using Integrationsoffensive.Data;
using Integrationsoffensive.Data.CompiledModel;
using Integrationsoffensive.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;

namespace Integrationsoffensive.Tests.Data;

/// <summary>
/// The SQLite context starts from the compiled model in Data/CompiledModel (generated, README
/// „Leistung“) instead of building its model from OnModelCreating on every start; it must be that
/// very model, so a change to the entities without regenerating it fails here.
/// </summary>
public sealed class CompiledModelTests
{
    private const string Regenerate =
        "Data/CompiledModel is out of date: dotnet ef dbcontext optimize --context AppDbContext --output-dir Data/CompiledModel --namespace Integrationsoffensive.Data.CompiledModel";

    [Fact]
    public void CompiledModel_IsTheModelOnModelCreatingBuilds()
    {
        using var db = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").UseModel(AppDbContextModel.Instance).Options);
        var built = db.GetService<IDesignTimeModel>().Model;

        var (expected, compiled) = (Shape(built), Shape(db.Model));
        var drift = expected.Except(compiled).Select(line => "missing: " + line).Concat(compiled.Except(expected).Select(line => "stale: " + line)).ToList();

        Assert.True(drift.Count == 0 && expected.Count == compiled.Count, Regenerate + Environment.NewLine + string.Join(Environment.NewLine, drift));
        Assert.Contains(Shape(db.Model), line => line.Contains("converter=UtcConverter", StringComparison.Ordinal));
    }

    [Fact]
    [Trait("Database", "Sqlite")] // PostgreSQL builds its own model from OnModelCreating
    public async Task TheSite_OnSqlite_UsesTheCompiledModel()
    {
        await using var factory = new SiteFactory();
        await using var scope = factory.Services.CreateAsyncScope();

        Assert.Same(AppDbContextModel.Instance, scope.ServiceProvider.GetRequiredService<AppDbContext>().Model);
    }

    // Tables, columns with their types, conversions and generation, keys, indexes with their
    // filters, and relationships: what the site reads and writes through.
    private static List<string> Shape(IModel model) =>
        [.. model.GetEntityTypes().OrderBy(e => e.Name, StringComparer.Ordinal).SelectMany(entity =>
            new[] { $"{entity.Name} -> {entity.GetTableName()}" }
                .Concat(entity.GetProperties().Select(p =>
                    $"  {p.Name}: {p.ClrType.Name} null={p.IsNullable} column={p.GetColumnName()} type={p.GetColumnType()} max={p.GetMaxLength()} " +
                    $"converter={p.GetValueConverter()?.GetType().Name} generated={p.ValueGenerated} concurrency={p.IsConcurrencyToken}"))
                .Concat(entity.GetKeys().Select(k => $"  key {string.Join(",", k.Properties.Select(p => p.Name))} primary={k.IsPrimaryKey()}"))
                .Concat(entity.GetIndexes().Select(i => $"  index {i.GetDatabaseName()} ({string.Join(",", i.Properties.Select(p => p.Name))}) unique={i.IsUnique} filter={i.GetFilter()}"))
                .Concat(entity.GetForeignKeys().Select(f => $"  fk {string.Join(",", f.Properties.Select(p => p.Name))} -> {f.PrincipalEntityType.Name} delete={f.DeleteBehavior}"))
                .Order(StringComparer.Ordinal))];
}
