using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integrationsoffensive.Domain;

internal sealed class ApplicationConfiguration : IEntityTypeConfiguration<Application>
{
    public void Configure(EntityTypeBuilder<Application> builder)
    {
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.OrganizationName).HasMaxLength(FieldLimits.OrganizationName);
        builder.Property(a => a.NormalizedName).HasMaxLength(FieldLimits.OrganizationName);
        builder.Property(a => a.WebsiteHost).HasMaxLength(FieldLimits.Website);
        builder.Property(a => a.OrganizationType).HasMaxLength(60);
        builder.Property(a => a.Place).HasMaxLength(FieldLimits.Place);
        builder.Property(a => a.Region).HasMaxLength(60);
        builder.Property(a => a.Website).HasMaxLength(FieldLimits.Website);
        builder.Property(a => a.Statement).HasMaxLength(FieldLimits.Statement);
        builder.Property(a => a.ContactName).HasMaxLength(FieldLimits.ContactName);
        builder.Property(a => a.Email).HasMaxLength(FieldLimits.Email);
        builder.Property(a => a.Phone).HasMaxLength(FieldLimits.Phone);
        builder.Property(a => a.ConsentVersion).HasMaxLength(40);
        builder.Property(a => a.AppealVersion).HasMaxLength(40);
        builder.Property(a => a.FormNonce).HasMaxLength(32);
        builder.HasIndex(a => a.FormNonce).IsUnique();
        builder.Property(a => a.ModeratedBy).HasMaxLength(256);
        builder.Property(a => a.RejectionReason).HasMaxLength(300);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();

        builder.HasIndex(a => a.Status);
        builder.HasIndex(a => a.NormalizedName);
        builder.Property(a => a.SearchKey).HasMaxLength(FieldLimits.OrganizationName + FieldLimits.Place + 40);
        builder.HasIndex(a => new { a.Status, a.PublishedAt });
        builder.HasIndex(a => new { a.Status, a.NormalizedName });
        // The public list's order and its A–Z index read the published rows in this index's order
        // (no sort per page); the public data's entity tag is read from the second alone.
        builder.HasIndex(a => new { a.Status, a.SearchKey });
        builder.HasIndex(a => new { a.Status, a.UpdatedAt });
        // By address and status: the lookups each application makes stay as fast with 10,000 waiting.
        builder.HasIndex(a => new { a.Email, a.Status });
        builder.HasIndex(a => a.WebsiteHost);

        // One pending application per address and organization, even when a form is sent twice at once.
        builder.HasIndex(a => new { a.NormalizedName, a.Email }).IsUnique().HasFilter("\"Status\" = 'Submitted'")
            .HasDatabaseName("IX_Applications_OnePendingPerAddress");

        builder.HasMany(a => a.Tokens).WithOne(t => t.Application).HasForeignKey(t => t.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.History).WithOne(e => e.Application).HasForeignKey(e => e.ApplicationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(a => a.Logo).WithOne().HasForeignKey<ApplicationLogo>(l => l.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(a => a.Mails).WithOne().HasForeignKey(m => m.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApplicationTokenConfiguration : IEntityTypeConfiguration<ApplicationToken>
{
    public void Configure(EntityTypeBuilder<ApplicationToken> builder)
    {
        builder.Property(t => t.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.Hash).IsUnique();
    }
}
