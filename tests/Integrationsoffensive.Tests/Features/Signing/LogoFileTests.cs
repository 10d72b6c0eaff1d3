using System.Text;
using Integrationsoffensive.Domain;
using Integrationsoffensive.Features.Signing;
using Integrationsoffensive.Tests.Infrastructure;
using SkiaSharp;

namespace Integrationsoffensive.Tests.Features.Signing;

/// <summary>The upload check on real files made in the test: what is accepted comes out re-encoded, everything else is refused with its reason.</summary>
public sealed class LogoFileTests
{
    private static ApplicationLogo Accepted(byte[] file)
    {
        var outcome = LogoFile.From(file);
        Assert.Null(outcome.Error);
        return outcome.Logo!;
    }

    private static void AssertSquarePng(byte[] picture, int size)
    {
        var png = Png.Read(picture);
        Assert.Equal((size, size), (png.Width, png.Height));
        using var bitmap = SKBitmap.Decode(picture);
        Assert.Equal(SKColors.Transparent.Alpha, bitmap.GetPixel(0, 0).Alpha); // the wide logo is centred: the corner is empty
        Assert.True(bitmap.GetPixel(size / 2, size / 2).Red > 150, "the logo is drawn in the middle");
    }

    [Fact]
    public void Png_IsAccepted_AndBecomesTwoSquarePngs_KeepingItsAspectRatio()
    {
        var logo = Accepted(LogoSamples.Png(300, 150));

        AssertSquarePng(logo.Small, ApplicationLogo.SmallSize);
        AssertSquarePng(logo.Large, ApplicationLogo.LargeSize);
        Assert.Matches("^[0-9a-f]{16}$", logo.Hash);
        using var bitmap = SKBitmap.Decode(logo.Large);
        Assert.Equal(0, bitmap.GetPixel(96, 20).Alpha); // 2:1 logo in a square: the band above it stays transparent
    }

    [Fact]
    public void Jpeg_WithExifGps_IsAccepted_AndNothingOfTheMetadataSurvives()
    {
        var file = LogoSamples.JpegWithGps();
        Assert.Contains(LogoSamples.GpsMarker, Encoding.Latin1.GetString(file)); // the sample really carries it

        var logo = Accepted(file);

        foreach (var picture in new[] { logo.Small, logo.Large })
        {
            var text = Encoding.Latin1.GetString(picture);
            Assert.DoesNotContain(LogoSamples.GpsMarker, text);
            Assert.DoesNotContain("Exif", text);
            Assert.Empty(Png.Read(picture).Texts);
            Assert.StartsWith("\u0089PNG", text);
        }
    }

    [Fact]
    public void Png_DeclaringThirtyThousandSquarePixels_IsRefused_BeforeDecoding()
    {
        // This thread's allocations only (LogoFile.From is synchronous): the process-wide count also
        // holds what tests running in parallel allocate meanwhile (seen in CI).
        var png = LogoSamples.PngDeclaring(30000, 30000);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var outcome = LogoFile.From(png);

        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1_000_000, "no pixel buffer was allocated");
        Assert.Equal(LogoFile.TooManyPixels, outcome.Error);
    }

    [Theory]
    [InlineData(4097, 10)]
    [InlineData(4096, 4000)] // within each edge, but more than 16 megapixels
    public void Png_BeyondTheLimits_IsRefused(int width, int height) =>
        Assert.Equal(LogoFile.TooManyPixels, LogoFile.From(LogoSamples.PngDeclaring(width, height)).Error);

    [Fact]
    public void TruncatedPng_IsRefused()
    {
        var png = LogoSamples.Png();
        Assert.Equal(LogoFile.Damaged, LogoFile.From(png[..(png.Length / 2)]).Error);
        Assert.Equal(LogoFile.Damaged, LogoFile.From(png[..^1]).Error);
    }

    [Fact]
    public void PngWithAZipOrHtmlAppended_IsRefused()
    {
        Assert.Equal(LogoFile.Damaged, LogoFile.From(LogoSamples.PngWithZip()).Error);
        Assert.Equal(LogoFile.Damaged, LogoFile.From(LogoSamples.PngWithHtml()).Error);
    }

    [Fact]
    public void JpegHeaderFollowedByGarbage_IsRefused()
    {
        Assert.Equal(LogoFile.Damaged, LogoFile.From(LogoSamples.JpegHeaderWithGarbage()).Error);
        Assert.Equal(LogoFile.Damaged, LogoFile.From([.. LogoSamples.Jpeg(), .. "PK\u0003\u0004"u8]).Error);
    }

    [Fact]
    public void SvgGifAndText_AreRefused_AsTheWrongType()
    {
        Assert.Equal(LogoFile.WrongType, LogoFile.From(LogoSamples.Svg()).Error);
        Assert.Equal(LogoFile.WrongType, LogoFile.From(LogoSamples.Gif()).Error);
        Assert.Equal(LogoFile.WrongType, LogoFile.From("%PDF-1.7"u8.ToArray()).Error);
        Assert.Equal(LogoFile.Empty, LogoFile.From([]).Error);
    }

    [Fact]
    public async Task TwoMegabytesAndOneByte_AreRefused_WithoutReadingFurther()
    {
        var exactly = new byte[LogoFile.MaxBytes + 1];
        LogoSamples.Png().CopyTo(exactly, 0);

        var outcome = await LogoFile.ReadAsync(new MemoryStream(exactly));

        Assert.Equal(LogoFile.TooLarge, outcome.Error);
        Assert.Null((await LogoFile.ReadAsync(new MemoryStream(LogoSamples.Png()))).Error);
    }

    [Fact]
    public void SameFile_GivesTheSameHash_AnotherFileAnother()
    {
        Assert.Equal(Accepted(LogoSamples.Png()).Hash, Accepted(LogoSamples.Png()).Hash);
        Assert.NotEqual(Accepted(LogoSamples.Png()).Hash, Accepted(LogoSamples.Png(200, 200)).Hash);
    }
}
