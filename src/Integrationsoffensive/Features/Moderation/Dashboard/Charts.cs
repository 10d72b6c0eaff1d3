using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace Integrationsoffensive.Features.Moderation.Dashboard;

/// <summary>
/// Charts as SVG drawn on the server: no script, nothing from elsewhere, the same on screen and on
/// paper. Colours come from classes in moderation.css (the CSP allows no style attributes). Each
/// chart is an image named by its caption; the numbers stand in a table beside it.
/// </summary>
public static class Charts
{
    private const int Width = 720;
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    /// <summary>Per day, applications and publications side by side.</summary>
    public static IHtmlContent DailyBars(IReadOnlyList<DayCount> days, string labelledBy)
    {
        const int height = 220, left = 36, bottom = 28, top = 10;
        var plotWidth = Width - left - 8;
        var plotHeight = height - top - bottom;
        var max = NiceMax(days.Select(d => Math.Max(d.Applications, d.Publications)).DefaultIfEmpty().Max());
        var slot = (double)plotWidth / Math.Max(1, days.Count);
        var svg = Open(height, labelledBy);
        foreach (var tick in new[] { 0, max / 2, max })
        {
            var y = top + plotHeight - (plotHeight * tick / (double)max);
            svg.Append($"<line class=\"chart__grid\" x1=\"{left}\" x2=\"{Width - 8}\" y1=\"{N(y)}\" y2=\"{N(y)}\"/>");
            svg.Append($"<text class=\"chart__axis\" x=\"{left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\">{tick}</text>");
        }

        for (var i = 0; i < days.Count; i++)
        {
            var x = left + (i * slot);
            Bar(svg, "chart__bar--applications", x + (slot * 0.1), slot * 0.4, days[i].Applications, max, top, plotHeight);
            Bar(svg, "chart__bar--publications", x + (slot * 0.5), slot * 0.4, days[i].Publications, max, top, plotHeight);
        }

        foreach (var (i, anchor) in new[] { (0, "start"), (days.Count / 2, "middle"), (days.Count - 1, "end") }.Where(l => l.Item1 >= 0).DistinctBy(l => l.Item1))
        {
            var x = anchor switch { "start" => left + (i * slot), "end" => left + ((i + 1) * slot), _ => left + ((i + 0.5) * slot) };
            svg.Append($"<text class=\"chart__axis\" x=\"{N(x)}\" y=\"{height - 8}\" text-anchor=\"{anchor}\">{days[i].Day.ToString("dd.MM.", German)}</text>");
        }

        return Close(svg);
    }

    /// <summary>One bar per row, label on the left and the number after the bar.</summary>
    public static IHtmlContent HorizontalBars(IReadOnlyList<Figure> rows, string labelledBy, string barClass)
    {
        const int row = 28, labelWidth = 300;
        var max = Math.Max(1, rows.Select(r => r.Value).DefaultIfEmpty().Max());
        var svg = Open((rows.Count * row) + 8, labelledBy);
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 4 + (i * row);
            var length = (Width - labelWidth - 60) * rows[i].Value / (double)max;
            svg.Append($"<text class=\"chart__label\" x=\"{labelWidth - 8}\" y=\"{y + 18}\" text-anchor=\"end\">{Encode(rows[i].Label)}</text>");
            svg.Append($"<rect class=\"chart__bar {barClass}\" x=\"{labelWidth}\" y=\"{y + 4}\" width=\"{N(length)}\" height=\"{row - 8}\"/>");
            svg.Append($"<text class=\"chart__value\" x=\"{N(labelWidth + length + 6)}\" y=\"{y + 18}\">{rows[i].Value}</text>");
        }

        return Close(svg);
    }

    /// <summary>1, 2 or 5 times a power of ten, at least the largest value (and at least 2, so the middle line is a whole number).</summary>
    public static int NiceMax(int value)
    {
        for (var power = 1; ; power *= 10)
        {
            foreach (var step in new[] { 2, 5, 10 })
            {
                if (step * power >= value)
                {
                    return step * power;
                }
            }
        }
    }

    internal static StringBuilder Open(int height, string labelledBy) =>
        new StringBuilder($"<svg class=\"chart\" role=\"img\" aria-labelledby=\"{Encode(labelledBy)}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" xmlns=\"http://www.w3.org/2000/svg\">");

    internal static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    internal static string Encode(string text) => HtmlEncoder.Default.Encode(text);

    internal static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static void Bar(StringBuilder svg, string kind, double x, double width, int value, int max, int top, int plotHeight)
    {
        var length = plotHeight * value / (double)max;
        svg.Append($"<rect class=\"chart__bar {kind}\" x=\"{N(x)}\" y=\"{N(top + plotHeight - length)}\" width=\"{N(width)}\" height=\"{N(length)}\"/>");
    }
}
