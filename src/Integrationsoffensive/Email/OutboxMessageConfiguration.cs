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

        // The sender's queue: the unsent messages in order, found without touching the sent ones,
        // whose bodies make up most of the table (a backlog of 5,000 cost 5 ms per batch to sort).
        builder.HasIndex(m => m.Id, "IX_OutboxMessages_Unsent").HasFilter("\"SentAt\" IS NULL AND \"FailedAt\" IS NULL");
        builder.HasIndex(m => m.Version); // a claimed batch is loaded by its claim
        builder.HasIndex(m => m.SentAt).HasFilter("\"SentAt\" IS NOT NULL"); // retention
        builder.HasIndex(m => m.FailedAt).HasFilter("\"FailedAt\" IS NOT NULL");
    }
}
