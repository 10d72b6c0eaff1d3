using Integrationsoffensive.Domain;
using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Data;

/// <summary>
/// The site's model on PostgreSQL (<c>Database:Provider = Postgres</c>). A type of its own only so
/// that EF Core keeps PostgreSQL's migrations (<c>Data/PostgresMigrations</c>) apart from SQLite's;
/// features still ask for <see cref="AppDbContext"/> and get this one.
/// </summary>
public sealed class PostgresDbContext(DbContextOptions<PostgresDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        // The list sorts A–Z by the folded search key. SQLite compares bytes; PostgreSQL would use the
        // cluster's locale, which differs between machines. "C" compares bytes here too, so both
        // providers sort alike everywhere.
        builder.Entity<Application>().Property(a => a.SearchKey).UseCollation("C");
    }
}
