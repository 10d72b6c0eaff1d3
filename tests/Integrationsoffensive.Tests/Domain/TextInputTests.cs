using Integrationsoffensive.Domain;

namespace Integrationsoffensive.Tests.Domain;

/// <summary>What people type, cleaned before it is validated or stored.</summary>
public sealed class TextInputTests
{
    [Theory]
    [InlineData("  Verein   Zuflucht  ", "Verein Zuflucht")]
    [InlineData("Verein\r\nZuflucht", "Verein Zuflucht")]
    [InlineData("Verein\u0000\u0007Zuflucht", "VereinZuflucht")]
    [InlineData("\u202Eevil\u202C", "evil")]
    [InlineData("\u2066isolate\u2069", "isolate")]
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("Willkommen 🌍", "Willkommen 🌍")]
    [InlineData("   ", null)]
    [InlineData(null, null)]
    public void SingleLine_CleansWhatPeopleType(string? input, string? expected) =>
        Assert.Equal(expected, TextInput.SingleLine(input));

    [Fact]
    public void MultiLine_KeepsParagraphs_ButNoMoreThanOneBlankLine() =>
        Assert.Equal("Eins\nzwei\n\ndrei", TextInput.MultiLine("  Eins  \r\nzwei\r\n\r\n\r\n\r\ndrei\t "));

    [Theory]
    [InlineData("Name@Beispiel.DE", "name@beispiel.de")]
    [InlineData("anna.b+aufruf@verein.example", "anna.b+aufruf@verein.example")]
    [InlineData("keine-adresse", null)]
    [InlineData("anna@localhost", null)]
    [InlineData("Anna <anna@beispiel.de>", null)]
    [InlineData("a@b@c.de", null)]
    [InlineData("@beispiel.de", null)]
    public void NormalizedEmail_AcceptsOnlyOnePlainAddress(string input, string? expected) =>
        Assert.Equal(expected, EmailAddress.Normalize(input));
}
