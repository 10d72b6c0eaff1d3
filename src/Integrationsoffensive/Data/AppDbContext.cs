using Microsoft.EntityFrameworkCore;

namespace Integrationsoffensive.Data;

/// <summary>The site's database. Feature pages use it directly; entity configurations live beside it.</summary>
public sealed class AppDbContext(DbContextOptions<AppDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
}
