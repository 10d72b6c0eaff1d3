using Integrationsoffensive.Domain;
using Integrationsoffensive.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Integrationsoffensive.Data;

/// <summary>
/// The site's database, with the moderators' Identity tables and the data-protection keys. Feature
/// pages use it directly; entity configurations live beside the entities. This type carries the
/// SQLite migrations (<c>Data/Migrations</c>); <see cref="PostgresDbContext"/>, the same model,
/// carries PostgreSQL's (<c>Data/PostgresMigrations</c>).
/// </summary>
public class AppDbContext : IdentityDbContext<Moderator>, IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options)
        : base(options)
    {
    }

    /// <summary>For <see cref="PostgresDbContext"/>: the same model, its own migrations.</summary>
    protected AppDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Application> Applications => Set<Application>();
    public DbSet<ApplicationLogo> ApplicationLogos => Set<ApplicationLogo>();
    public DbSet<ApplicationToken> ApplicationTokens => Set<ApplicationToken>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<RejectionReason> RejectionReasons => Set<RejectionReason>();
    public DbSet<DailyDigest> DailyDigests => Set<DailyDigest>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();

    /// <summary>The key ring of ASP.NET Core data protection: every instance reads the same keys.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Identity's schema with passkeys; the accounts set it in Identity's options.</summary>
    public static readonly Version IdentitySchema = IdentitySchemaVersions.Version3;

    // Identity reads the schema version from the options in the site's services when it builds the
    // model. A context made without them (tests, tools) gets the same version, or its model would
    // lack the passkeys and disagree with the migrations.
    private static readonly IServiceProvider SchemaOnly = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchema).BuildServiceProvider();

    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        if (optionsBuilder.Options.FindExtension<CoreOptionsExtension>()?.ApplicationServiceProvider is null)
        {
            optionsBuilder.UseApplicationServiceProvider(SchemaOnly);
        }
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }

    // Every time stamp is UTC; SQLite forgets the kind, so it is restored on reading.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcConverter>();
    }

    internal sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        value => value.ToUniversalTime(),
        value => DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
