using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Integrationsoffensive.Domain;

/// <summary>
/// An organization's logo as the server re-encoded it: two square PNGs (the logo centred on a
/// transparent square, aspect ratio kept), never the uploaded bytes. In a table of its own, so
/// that loading applications never loads pictures. Published with the application, and deleted
/// with its contact data (<see cref="Application.RemoveLogo"/>, withdrawal, retention).
/// </summary>
public sealed class ApplicationLogo
{
    /// <summary>The edge of the small picture (the logo wall, the queue) in pixels.</summary>
    public const int SmallSize = 96;

    /// <summary>The edge of the large picture (high-density screens, the moderators' view).</summary>
    public const int LargeSize = 192;

    private ApplicationLogo()
    {
    }

    public ApplicationLogo(byte[] small, byte[] large)
    {
        Small = small;
        Large = large;
        Hash = Convert.ToHexStringLower(SHA256.HashData([.. small, .. large]))[..16];
    }

    public int ApplicationId { get; private set; }

    /// <summary>The pictures' fingerprint: part of their address, so a changed logo is a new address.</summary>
    public string Hash { get; private set; } = "";

    public byte[] Small { get; private set; } = [];

    public byte[] Large { get; private set; } = [];

    /// <summary>Whether the site serves pictures of this edge.</summary>
    public static bool IsSize(int size) => size is SmallSize or LargeSize;
}

internal sealed class ApplicationLogoConfiguration : IEntityTypeConfiguration<ApplicationLogo>
{
    public void Configure(EntityTypeBuilder<ApplicationLogo> builder)
    {
        builder.ToTable("ApplicationLogos");
        builder.HasKey(l => l.ApplicationId);
        builder.Property(l => l.ApplicationId).ValueGeneratedNever();
        builder.Property(l => l.Hash).HasMaxLength(16);
    }
}
