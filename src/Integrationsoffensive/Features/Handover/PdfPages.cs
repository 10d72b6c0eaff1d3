using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Integrationsoffensive.Features.Handover;

/// <summary>
/// Text set onto A4 pages with PDFsharp: paragraphs wrapped at word boundaries, headings kept with
/// what follows, a new page when one is full, page numbers at the foot of every page but the cover.
/// </summary>
public sealed class PdfPages : IDisposable
{
    public const string Family = "Atkinson Hyperlegible Next";

    private static readonly double Margin = XUnit.FromCentimeter(2).Point;
    private static readonly double FootMargin = XUnit.FromCentimeter(2.5).Point;
    private static readonly Lock FontLock = new();
    private static bool _fontsSet;

    private readonly PdfDocument _document = new();
    private XGraphics? _graphics;
    private PdfPage _page = null!;
    private double _y;

    public PdfPages(string title)
    {
        UseCampaignFonts();
        _document.Info.Title = title;
        _document.Info.Creator = "Aufruf für eine Integrationsoffensive";
        NewPage();
    }

    private double Width => _page.Width.Point - 2 * Margin;

    private double Bottom => _page.Height.Point - FootMargin;

    public static XFont Font(double size, bool bold = false) => new(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    public void NewPage()
    {
        _graphics?.Dispose();
        _page = _document.AddPage();
        _page.Size = PdfSharp.PageSize.A4;
        _graphics = XGraphics.FromPdfPage(_page);
        _y = Margin;
    }

    /// <summary>Moves down, e.g. to set the cover's text lower on the page.</summary>
    public void Skip(double points) => _y = Math.Min(_y + points, Bottom);

    public void Heading(string text, double size, XBrush? brush = null)
    {
        var font = Font(size, bold: true);
        // Keep a heading with at least two lines of what follows it.
        if (_y + size * 1.3 * 2 + 11 * 1.45 * 2 > Bottom)
        {
            NewPage();
        }

        _y += size * 0.4;
        Paragraph(text, font, size * 1.25, size * 0.4, brush);
    }

    public void Paragraph(string text, XFont font, double lineHeight, double spaceAfter, XBrush? brush = null)
    {
        foreach (var line in Lines(text, font))
        {
            if (_y + lineHeight > Bottom)
            {
                NewPage();
            }

            _graphics!.DrawString(line, font, brush ?? XBrushes.Black, new XRect(Margin, _y, Width, lineHeight), XStringFormats.TopLeft);
            _y += lineHeight;
        }

        _y += spaceAfter;
    }

    /// <summary>The finished file: every page but the first numbered „Seite n von m“.</summary>
    public byte[] ToBytes()
    {
        _graphics?.Dispose();
        _graphics = null;
        var count = _document.PageCount;
        var footFont = Font(9);
        for (var i = 1; i < count; i++)
        {
            var page = _document.Pages[i];
            using var graphics = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            graphics.DrawString($"Seite {i + 1} von {count}", footFont, XBrushes.Black,
                new XRect(0, page.Height.Point - FootMargin + 12, page.Width.Point, 14), XStringFormats.TopCenter);
        }

        using var stream = new MemoryStream();
        _document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    private IEnumerable<string> Lines(string text, XFont font)
    {
        foreach (var paragraphLine in text.Split('\n'))
        {
            var line = "";
            foreach (var word in paragraphLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (line.Length > 0 && _graphics!.MeasureString(candidate, font).Width > Width)
                {
                    yield return line;
                    line = word;
                }
                else
                {
                    line = candidate;
                }
            }

            yield return line;
        }
    }

    // PDFsharp finds fonts through one process-wide resolver, which may be set only once.
    private static void UseCampaignFonts()
    {
        lock (FontLock)
        {
            if (!_fontsSet)
            {
                GlobalFontSettings.FontResolver = new CampaignFontResolver();
                _fontsSet = true;
            }
        }
    }

    public void Dispose()
    {
        _graphics?.Dispose();
        _document.Dispose();
    }

    /// <summary>Atkinson Hyperlegible Next, regular and bold, embedded in the assembly (SIL OFL, licence in Fonts/).</summary>
    private sealed class CampaignFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? "handover-bold.ttf" : "handover-regular.ttf");

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(CampaignFontResolver).Assembly.GetManifestResourceStream(faceName)
                ?? throw new InvalidOperationException($"The embedded font {faceName} is missing.");
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }
    }
}
