using System.Buffers.Binary;
using System.Text;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>Reads what tests need from a PNG file: its size and its text chunks.</summary>
public sealed record Png(int Width, int Height, IReadOnlyDictionary<string, string> Texts)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public static Png Read(byte[] bytes)
    {
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(Signature), "not a PNG file");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        int width = 0, height = 0;
        for (var at = 8; at + 8 <= bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(at));
            var type = Encoding.ASCII.GetString(bytes, at + 4, 4);
            var data = bytes.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                (width, height) = (BinaryPrimitives.ReadInt32BigEndian(data), BinaryPrimitives.ReadInt32BigEndian(data[4..]));
            }
            else if (type == "tEXt")
            {
                var text = Encoding.Latin1.GetString(data);
                var zero = text.IndexOf('\0', StringComparison.Ordinal);
                texts[text[..zero]] = text[(zero + 1)..];
            }

            at += 12 + length;
        }

        return new Png(width, height, texts);
    }
}
