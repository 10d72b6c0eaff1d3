using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integrationsoffensive.Email;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.ToAddress).HasMaxLength(320);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.LastError).HasMaxLength(200);
        builder.Property(m => m.Kind).HasMaxLength(30);
        builder.Property(m => m.QueueKey).HasMaxLength(320);
        builder.HasIndex(m => m.QueueKey).IsUnique();
        builder.HasIndex(m => new { m.ToAddress, m.Kind });
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}
