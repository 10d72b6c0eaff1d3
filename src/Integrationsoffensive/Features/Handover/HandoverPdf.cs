using Integrationsoffensive.Content;
using Integrationsoffensive.Data;
using Integrationsoffensive.Features.Shared;
using Integrationsoffensive.Hosting;
using PdfSharp.Drawing;

namespace Integrationsoffensive.Features.Handover;

/// <summary>/uebergabe.pdf: the handover document made on the server with PDFsharp, for those who want a file.</summary>
public static class HandoverPdf
{
    public const string Route = "Handover.Pdf";
    public const string FileName = "uebergabe-aufruf-integrationsoffensive.pdf";

    private static readonly XBrush Accent = new XSolidBrush(XColor.FromArgb(0x8a, 0x15, 0x38));
    private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(0x4a, 0x4a, 0x55));

    public static void MapHandoverPdf(this WebApplication app) =>
        app.MapMethods("/uebergabe.pdf", FileMethods.GetAndHead, async (ContentStore store, AppDbContext db, MarkdownRenderer renderer, TimeProvider clock) =>
        {
            var document = await HandoverDocument.LoadAsync(store, db, clock.GetUtcNow().UtcDateTime);
            return document is null
                ? Results.StatusCode(StatusCodes.Status503ServiceUnavailable)
                : Results.File(Render(document, renderer), "application/pdf", FileName);
        }).CacheOutput(PublicCache.Policy).WithName(Route);

    public static byte[] Render(HandoverDocument document, MarkdownRenderer renderer)
    {
        using var pages = new PdfPages(document.Settings.Title);
        var text = PdfPages.Font(11);
        var appeal = document.Appeal;

        // The cover: to whom, what, how many, when.
        pages.Skip(XUnit.FromCentimeter(5).Point);
        pages.Paragraph(document.Settings.Recipient, PdfPages.Font(14, bold: true), 20, 16, Accent);
        pages.Paragraph(document.Settings.Title, PdfPages.Font(28, bold: true), 34, 24);
        pages.Paragraph($"{CountText.Number(document.Count)} unterzeichnende Organisationen", PdfPages.Font(18, bold: true), 24, 10, Accent);
        pages.Paragraph($"Übergeben am {document.DateDisplay}", PdfPages.Font(12), 18, 4, Muted);
        pages.Paragraph("Ein offener Aufruf hessischer Verbände, Gewerkschaften und Initiativen", PdfPages.Font(12), 18, 0, Muted);

        // The appeal and its demands.
        pages.NewPage();
        pages.Heading("Der Aufruf", 20);
        Blocks(pages, renderer, appeal.LeadMarkdown, text);
        Blocks(pages, renderer, appeal.TextMarkdown, text);
        pages.Heading("Die drei Forderungen", 16);
        foreach (var demand in appeal.Demands)
        {
            pages.Heading($"{demand.Number}. {demand.Title}", 13);
            Blocks(pages, renderer, demand.Markdown, text);
        }

        pages.Heading(appeal.ClosingTitle, 16);
        Blocks(pages, renderer, appeal.ClosingMarkdown, text);
        pages.Paragraph($"Wortlaut der Fassung {appeal.Version}.", PdfPages.Font(9), 13, 0, Muted);

        // Every signatory: the founders first, then the groups, A–Z within each.
        pages.NewPage();
        pages.Heading("Die unterzeichnenden Organisationen", 20);
        pages.Paragraph($"{CountText.Number(document.Count)} Organisationen: zuerst die Erstunterzeichnenden, dann alle Mitzeichnenden {document.GroupedBy}, innerhalb jeder Gruppe von A bis Z.", text, 16, 8);
        pages.Heading("Erstunterzeichnende", 14);
        foreach (var founder in document.Founders)
        {
            pages.Paragraph(founder.Name, text, 15, 0);
        }

        foreach (var group in document.Groups)
        {
            pages.Heading($"{group.Label} ({group.Signatories.Count})", 14);
            foreach (var signatory in group.Signatories)
            {
                pages.Paragraph($"{signatory.Name}, {signatory.Place}", text, 15, 0);
            }
        }

        return pages.ToBytes();
    }

    private static void Blocks(PdfPages pages, MarkdownRenderer renderer, string markdown, XFont font)
    {
        foreach (var block in renderer.Blocks(markdown))
        {
            if (block.IsHeading)
            {
                pages.Heading(block.Text, 13);
            }
            else
            {
                pages.Paragraph(block.Text, font, 16, 8);
            }
        }
    }
}
