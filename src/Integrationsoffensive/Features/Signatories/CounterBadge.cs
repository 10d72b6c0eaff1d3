using System.Globalization;
using System.Net;
using Integrationsoffensive.Features.Shared;
using SkiaSharp;

namespace Integrationsoffensive.Features.Signatories;

/// <summary>
/// The counter badge for partner sites, as SVG (web pages) and PNG (newsletters: mail programs do
/// not show SVG). Its width is measured from its texts in the campaign typeface, and the SVG's texts
/// are fitted to that width (textLength), so whatever font a reader's system substitutes, nothing is cut.
/// </summary>
public sealed record CounterBadge(int Count)
{
    public const string Label = "Aufruf für eine Integrationsoffensive";
    public const int Height = 64;
    private const float Padding = 16;
    private const float LabelSize = 13;
    private const float TextSize = 17;

    public string Text => $"{CountText.Number(Count)} Organisationen haben unterzeichnet";

    public float LabelWidth => CampaignImages.Measure(Label, LabelSize);

    public float TextWidth => CampaignImages.Measure(Text, TextSize);

    /// <summary>The badge's width in CSS pixels: the wider text plus padding on both sides.</summary>
    public int Width => (int)Math.Ceiling(Math.Max(LabelWidth, TextWidth) + 2 * Padding);

    public string Svg()
    {
        var label = WebUtility.HtmlEncode(Label);
        var text = WebUtility.HtmlEncode(Text);
        return $"""
            <svg xmlns="http://www.w3.org/2000/svg" width="{Width}" height="{Height}" viewBox="0 0 {Width} {Height}" role="img" aria-label="{label}: {text}">
              <title>{label}: {text}</title>
              <rect width="{Width}" height="{Height}" rx="6" fill="#8a1538"/>
              <rect width="6" height="{Height}" fill="#ffbf47"/>
              <text x="{Padding}" y="26" fill="#ffffff" font-family="'Atkinson Hyperlegible Next', system-ui, sans-serif" font-size="{LabelSize}" textLength="{Number(LabelWidth)}" lengthAdjust="spacingAndGlyphs">{label}</text>
              <text x="{Padding}" y="48" fill="#ffffff" font-family="'Atkinson Hyperlegible Next', system-ui, sans-serif" font-size="{TextSize}" font-weight="700" textLength="{Number(TextWidth)}" lengthAdjust="spacingAndGlyphs">{text}</text>
            </svg>
            """;
    }

    /// <summary>The same badge drawn at twice its size, so it stays sharp on high-density screens.</summary>
    public byte[] Png(int scale = 2) => CampaignImages.Png(Width * scale, Height * scale, Count, canvas =>
    {
        canvas.Scale(scale);
        using var background = new SKPaint { Color = CampaignImages.Accent, IsAntialias = true };
        canvas.DrawRoundRect(0, 0, Width, Height, 6, 6, background);
        using var band = new SKPaint { Color = CampaignImages.Highlight };
        canvas.DrawRect(0, 0, 6, Height, band);
        CampaignImages.DrawText(canvas, Label, Padding, 26, LabelSize, SKColors.White);
        CampaignImages.DrawText(canvas, Text, Padding, 48, TextSize, SKColors.White);
    });

    private static string Number(float value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
