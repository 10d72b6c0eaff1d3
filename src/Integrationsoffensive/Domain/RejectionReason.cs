using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integrationsoffensive.Domain;

/// <summary>A reason moderators can choose when rejecting; admins maintain the list.</summary>
public sealed class RejectionReason
{
    public int Id { get; set; }
    public string Text { get; set; } = "";
    public bool IsActive { get; set; } = true;
    public int SortOrder { get; set; }

    /// <summary>The list a fresh installation starts with.</summary>
    public static IEnumerable<RejectionReason> Defaults() =>
    [
        new() { Text = "Die Organisation ließ sich nicht überprüfen.", SortOrder = 1 },
        new() { Text = "Die Angaben sind unvollständig oder offensichtlich falsch.", SortOrder = 2 },
        new() { Text = "Die Organisation ist bereits als Unterzeichnerin eingetragen.", SortOrder = 3 },
        new() { Text = "Ziele oder Äußerungen der Organisation widersprechen dem Aufruf.", SortOrder = 4 },
        new() { Text = "Es handelt sich nicht um eine Organisation, sondern um eine Einzelperson.", SortOrder = 5 },
    ];
}

internal sealed class RejectionReasonConfiguration : IEntityTypeConfiguration<RejectionReason>
{
    public void Configure(EntityTypeBuilder<RejectionReason> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(300);
        builder.HasData(RejectionReason.Defaults().Select((r, i) => new RejectionReason { Id = i + 1, Text = r.Text, SortOrder = r.SortOrder, IsActive = true }));
    }
}
