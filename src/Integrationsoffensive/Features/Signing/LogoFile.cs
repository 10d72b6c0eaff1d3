using System.Buffers.Binary;
using Integrationsoffensive.Domain;
using SkiaSharp;

namespace Integrationsoffensive.Features.Signing;

/// <summary>An uploaded logo, either re-encoded and ready to store, or refused with the reason in German.</summary>
public sealed record LogoOutcome(ApplicationLogo? Logo, string? Error)
{
    public static LogoOutcome Refused(string message) => new(null, message);
}

/// <summary>
/// Turns an uploaded file into an <see cref="ApplicationLogo"/> or refuses it. Nothing the upload
/// says is believed: the type comes from the first bytes, not the name or the browser's claim; the
/// file's structure must be whole with nothing after its end (no appended ZIP or HTML); the declared
/// size is checked before a single pixel is allocated (decompression bombs); then the picture is
/// decoded and drawn anew, so no metadata (EXIF, GPS, comments) and no byte of the upload survives.
/// </summary>
public static class LogoFile
{
    public const long MaxBytes = 2 * 1024 * 1024;
    public const int MaxEdge = 4096;
    public const long MaxPixels = 16_000_000;

    public const string TooLarge = "Die Datei ist größer als 2 MB. Bitte wählen Sie eine kleinere Datei.";
    public const string WrongType = "Bitte laden Sie Ihr Logo als PNG- oder JPEG-Datei hoch. Andere Formate wie SVG, GIF oder PDF nehmen wir nicht an.";
    public const string Damaged = "Diese Datei ist beschädigt, unvollständig oder enthält mehr als ein Bild. Bitte speichern Sie das Logo neu als PNG oder JPEG und laden Sie es noch einmal hoch.";
    public const string TooManyPixels = "Das Bild ist zu groß: höchstens 4096 × 4096 Pixel. Bitte verkleinern Sie das Logo und laden Sie es noch einmal hoch.";
    public const string Empty = "Die Datei ist leer. Bitte wählen Sie Ihr Logo aus.";

    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads at most one byte more than allowed, so an oversized upload is never held in memory whole.</summary>
    public static async Task<LogoOutcome> ReadAsync(Stream upload, CancellationToken cancellationToken = default)
    {
        var buffer = new byte[MaxBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = await upload.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
        {
            length += read;
        }

        return length > MaxBytes ? LogoOutcome.Refused(TooLarge) : From(buffer.AsSpan(0, length).ToArray());
    }

    public static LogoOutcome From(byte[] bytes)
    {
        if (bytes.Length == 0)
        {
            return LogoOutcome.Refused(Empty);
        }

        if (bytes.Length > MaxBytes)
        {
            return LogoOutcome.Refused(TooLarge);
        }

        var whole = bytes.AsSpan().StartsWith(PngSignature) ? PngIsWhole(bytes)
            : bytes is [0xFF, 0xD8, 0xFF, ..] ? JpegIsWhole(bytes)
            : (bool?)null;
        if (whole is null)
        {
            return LogoOutcome.Refused(WrongType);
        }

        if (whole is false)
        {
            return LogoOutcome.Refused(Damaged);
        }

        // A PNG declares its size in IHDR, read here before any decoder sees the file.
        if (bytes[0] == 0x89 && !FitsLimits((int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(16))),
                (int)Math.Min(int.MaxValue, BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(20)))))
        {
            return LogoOutcome.Refused(TooManyPixels);
        }

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data); // reads the header only
        if (codec is null)
        {
            return LogoOutcome.Refused(Damaged);
        }

        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (!FitsLimits(width, height))
        {
            return LogoOutcome.Refused(TooManyPixels);
        }

        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (codec.GetPixels(bitmap.Info, bitmap.GetPixels()) != SKCodecResult.Success)
        {
            return LogoOutcome.Refused(Damaged); // incomplete or corrupt pixel data
        }

        using var image = SKImage.FromBitmap(bitmap);
        return new LogoOutcome(new ApplicationLogo(Square(image, ApplicationLogo.SmallSize), Square(image, ApplicationLogo.LargeSize)), null);
    }

    private static bool FitsLimits(int width, int height) =>
        width > 0 && height > 0 && width <= MaxEdge && height <= MaxEdge && (long)width * height <= MaxPixels;

    /// <summary>The logo centred on a transparent square, as large as fits, as a fresh PNG.</summary>
    private static byte[] Square(SKImage image, int size)
    {
        var scale = Math.Min((float)size / image.Width, (float)size / image.Height);
        var (width, height) = (image.Width * scale, image.Height * scale);
        using var surface = SKSurface.Create(new SKImageInfo(size, size, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.Transparent);
        var target = SKRect.Create((size - width) / 2, (size - height) / 2, width, height);
        surface.Canvas.DrawImage(image, target, new SKSamplingOptions(SKCubicResampler.Mitchell));
        using var snapshot = surface.Snapshot();
        using var png = snapshot.Encode(SKEncodedImageFormat.Png, 100);
        return png.ToArray();
    }

    /// <summary>
    /// Walks the chunks: IHDR first (13 bytes), every chunk inside the file, IEND last and nothing
    /// after it. The declared size is checked here too, before any decoder sees the file.
    /// </summary>
    private static bool PngIsWhole(byte[] bytes)
    {
        var position = PngSignature.Length;
        var first = true;
        while (position + 12 <= bytes.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(position));
            var type = System.Text.Encoding.ASCII.GetString(bytes, position + 4, 4);
            if (length > int.MaxValue || position + 12 + (long)length > bytes.Length || (first && (type != "IHDR" || length != 13)))
            {
                return false;
            }

            first = false;
            position += 12 + (int)length;
            if (type == "IEND")
            {
                return position == bytes.Length;
            }
        }

        return false;
    }

    /// <summary>Ends with the end-of-image marker, with nothing after it (a ZIP, a page, garbage).</summary>
    private static bool JpegIsWhole(byte[] bytes) => bytes.Length > 4 && bytes[^2] == 0xFF && bytes[^1] == 0xD9;
}
