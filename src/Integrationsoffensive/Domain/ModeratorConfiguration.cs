using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integrationsoffensive.Domain;

internal sealed class ModeratorConfiguration : IEntityTypeConfiguration<Moderator>
{
    public void Configure(EntityTypeBuilder<Moderator> builder) => builder.Property(m => m.UsedAuthenticatorSteps).HasMaxLength(200);
}
