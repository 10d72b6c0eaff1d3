using Integrationsoffensive.Tests.Infrastructure;

namespace Integrationsoffensive.Tests.Content;

/// <summary>
/// What the law asks of the shipped legal pages, checked on the editors' content/ itself (see
/// RepositoryContentSite): a privacy policy with what Art. 13 GDPR requires, an accessibility
/// statement with a feedback contact.
/// </summary>
public sealed class LegalPagesTests(RepositoryContentSite site) : IClassFixture<RepositoryContentSite>
{
    [Fact]
    public async Task Get_Datenschutz_CoversWhatArticle13Requires()
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync("/datenschutz");

        var headings = string.Join(" | ", document.QuerySelectorAll("main h2").Select(h => h.Text()));
        foreach (var topic in new[] { "Verantwortlich", "Rechtsgrundlage", "Empfänger", "Speicherdauer", "Rechte", "Beschwerde" })
        {
            Assert.Contains(topic, headings, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task Get_Barrierefreiheit_NamesAFeedbackContact()
    {
        var (_, document) = await site.CreatePlainClient().GetPageAsync("/barrierefreiheit");

        Assert.Contains(document.QuerySelectorAll("main h2"), h => h.Text().Contains("Feedback", StringComparison.Ordinal));
    }
}
