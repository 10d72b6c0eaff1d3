using System.Buffers.Binary;
using System.Text;
using SkiaSharp;

namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// What every picture the server draws shares (the share card, the counter badge): the campaign's
/// colours, its typeface (Atkinson Hyperlegible Next Bold, embedded, so the picture looks the same on
/// a server without fonts) and PNG encoding that records the count a picture was drawn for.
/// </summary>
public static class CampaignImages
{
    /// <summary>The keyword of the PNG text chunk that holds the number of signatories drawn.</summary>
    public const string CountKeyword = "Signatories";

    /// <summary>The same figure as a response header, for clients that do not read PNG chunks.</summary>
    public const string CountHeader = "X-Signatory-Count";

    public static readonly SKColor Accent = SKColor.Parse("#8a1538");
    public static readonly SKColor AccentDark = SKColor.Parse("#5e0e26");
    public static readonly SKColor Highlight = SKColor.Parse("#ffbf47");

    private const string FontResource = "campaign-bold.woff";

    private static readonly Lazy<SKTypeface> BoldFace = new(() =>
    {
        using var stream = typeof(CampaignImages).Assembly.GetManifestResourceStream(FontResource)
            ?? throw new InvalidOperationException($"The embedded font {FontResource} is missing.");
        return SKTypeface.FromData(SKData.Create(stream)) ?? throw new InvalidOperationException("The embedded font could not be read.");
    });

    public static SKTypeface Bold => BoldFace.Value;

    /// <summary>The width of a text in the campaign typeface at a size, in the same units as the size.</summary>
    public static float Measure(string text, float size)
    {
        using var font = new SKFont(Bold, size);
        return font.MeasureText(text);
    }

    /// <summary>Draws a text in the campaign typeface with its baseline at (x, y).</summary>
    public static void DrawText(SKCanvas canvas, string text, float x, float y, float size, SKColor color)
    {
        using var font = new SKFont(Bold, size) { Edging = SKFontEdging.Antialias, Subpixel = true };
        using var paint = new SKPaint { Color = color, IsAntialias = true };
        canvas.DrawText(text, x, y, SKTextAlign.Left, font, paint);
    }

    /// <summary>The words of a text in lines no wider than <paramref name="width"/>.</summary>
    public static IReadOnlyList<string> Wrap(string text, float size, float width)
    {
        var lines = new List<string>();
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (line.Length > 0 && Measure(candidate, size) > width)
            {
                lines.Add(line);
                line = word;
            }
            else
            {
                line = candidate;
            }
        }

        if (line.Length > 0)
        {
            lines.Add(line);
        }

        return lines;
    }

    /// <summary>Draws on a fresh canvas and encodes it as PNG with the count in a tEXt chunk.</summary>
    public static byte[] Png(int width, int height, int count, Action<SKCanvas> draw)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        draw(surface.Canvas);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return WithText(data.ToArray(), CountKeyword, count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The answer for a picture of the count: the PNG, with the count drawn also as a header.</summary>
    public static IResult PngAnswer(HttpResponse response, int count, byte[] png)
    {
        response.Headers[CountHeader] = count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Results.File(png, "image/png");
    }

    /// <summary>The PNG with a tEXt chunk inserted right after its header chunk (signature 8 + IHDR 25 bytes).</summary>
    internal static byte[] WithText(byte[] png, string keyword, string text)
    {
        const int afterHeader = 8 + 25;
        var payload = Encoding.Latin1.GetBytes(keyword + "\0" + text);
        var chunk = new byte[12 + payload.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, payload.Length);
        Encoding.ASCII.GetBytes("tEXt").CopyTo(chunk, 4);
        payload.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + payload.Length), Crc32(chunk.AsSpan(4, 4 + payload.Length)));
        return [.. png.AsSpan(0, afterHeader), .. chunk, .. png.AsSpan(afterHeader)];
    }

    // The CRC of PNG chunks (ISO 3309, as zlib's crc32).
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
