using Integrationsoffensive.Content;
using Integrationsoffensive.Features.Shared;

namespace Integrationsoffensive.Tests.Features.Shared;

public sealed class DisplayTests
{
    [Theory]
    [InlineData("Flüchtlingshilfe Musterstadt e. V.", "Flüchtlingshilfe Musterstadt\u00A0e.\u00A0V.")]
    [InlineData("Verein e.V.", "Verein\u00A0e.\u00A0V.")]
    [InlineData("Verein e. V., Ortsgruppe Nord", "Verein\u00A0e.\u00A0V., Ortsgruppe Nord")]
    [InlineData("PRO ASYL", "PRO ASYL")]
    [InlineData("Seve. Vereinigung", "Seve. Vereinigung")]
    public void NoBreak_BindsTheLegalFormToTheNameBeforeIt(string name, string expected) =>
        Assert.Equal(expected, NameDisplay.NoBreak(name));

    [Theory]
    [InlineData("2023-11", "2023-11", "November 2023")]
    [InlineData("2023-11-27", "2023-11-27", "27. November 2023")]
    [InlineData(" 2024-03-01 ", "2024-03-01", "1. März 2024")]
    public void ContentDate_ReadsDaysAndMonths(string text, string iso, string display)
    {
        var date = ContentDate.Parse(text, "date")!;

        Assert.Equal(iso, date.Iso);
        Assert.Equal(display, date.Display);
    }

    [Theory]
    [InlineData("27.11.2023")]
    [InlineData("2023-13")]
    [InlineData("bald")]
    public void ContentDate_RefusesOtherText_NamingTheField(string text)
    {
        var error = Assert.Throws<ContentException>(() => ContentDate.Parse(text, "changed"));

        Assert.Contains("\"changed\"", error.Message);
    }

    [Fact]
    public void ContentDate_IsNull_WhenNotGiven() => Assert.Null(ContentDate.Parse(" ", "date"));
}
