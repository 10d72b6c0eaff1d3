using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Real picture files, and real-looking bad ones, made in the test: nothing checked in, nothing guessed.</summary>
public static class LogoSamples
{
    public const string GpsMarker = "Hinterhof 7, Musterstadt";

    /// <summary>A red disc on transparent ground.</summary>
    public static byte[] Png(int width = 300, int height = 150) => Draw(width, height, SKEncodedImageFormat.Png);

    public static byte[] Jpeg(int width = 300, int height = 150) => Draw(width, height, SKEncodedImageFormat.Jpeg);

    /// <summary>A JPEG with an EXIF block (APP1) holding a description and GPS coordinates, as a phone writes it.</summary>
    public static byte[] JpegWithGps()
    {
        var jpeg = Jpeg();
        var description = Encoding.ASCII.GetBytes(GpsMarker + "\0");
        var tiff = new byte[92 + description.Length];
        "MM"u8.CopyTo(tiff);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(2), 42);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(4), 8);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(8), 2); // IFD0: description, pointer to the GPS IFD
        Entry(tiff, 10, 0x010E, 2, (uint)description.Length, 92);
        Entry(tiff, 22, 0x8825, 4, 1, 38);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(38), 2); // GPS IFD: latitude N 50° 35' 0"
        Entry(tiff, 40, 0x0001, 2, 2, 0x4E000000);
        Entry(tiff, 52, 0x0002, 5, 3, 68);
        uint[] latitude = [50, 1, 35, 1, 0, 1];
        for (var i = 0; i < latitude.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(68 + (4 * i)), latitude[i]);
        }

        description.CopyTo(tiff, 92);
        byte[] header = [0xFF, 0xE1, 0, 0, .. "Exif\0\0"u8];
        BinaryPrimitives.WriteUInt16BigEndian(header.AsSpan(2), (ushort)(2 + 6 + tiff.Length));
        return [.. jpeg[..2], .. header, .. tiff, .. jpeg[2..]];
    }

    /// <summary>A 1 × 1 PNG whose header claims 30000 × 30000 pixels, with a correct checksum: 3.6 GB once decoded.</summary>
    public static byte[] PngDeclaring(int width, int height)
    {
        var png = Png(1, 1);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    public static byte[] Svg() => Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><script>alert(1)</script><rect width=\"10\" height=\"10\"/></svg>");

    public static byte[] Gif() => [.. "GIF89a"u8, 1, 0, 1, 0, 0x80, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0x2C, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 1, 0, 0x3B];

    /// <summary>A ZIP archive's local header after the PNG's end: a file that is a picture and an archive at once.</summary>
    public static byte[] PngWithZip() => [.. Png(), .. "PK\u0003\u0004"u8, .. new byte[26], .. "evil.html"u8];

    public static byte[] PngWithHtml() => [.. Png(), .. "<html><script>alert(1)</script></html>"u8];

    /// <summary>The first bytes of a real JPEG, then noise, ending in an end-of-image marker.</summary>
    public static byte[] JpegHeaderWithGarbage()
    {
        var garbage = new byte[4000];
        new Random(15).NextBytes(garbage);
        return [.. Jpeg()[..200], .. garbage, 0xFF, 0xD9];
    }

    private static byte[] Draw(int width, int height, SKEncodedImageFormat format)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(format == SKEncodedImageFormat.Jpeg ? SKColors.White : SKColors.Transparent);
        using var paint = new SKPaint { Color = new SKColor(0xC0, 0x10, 0x30), IsAntialias = true };
        surface.Canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 2.5f, paint);
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    private static void Entry(byte[] tiff, int at, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at), tag);
        BinaryPrimitives.WriteUInt16BigEndian(tiff.AsSpan(at + 2), type);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 4), count);
        BinaryPrimitives.WriteUInt32BigEndian(tiff.AsSpan(at + 8), value);
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return ~crc;
    }
}
