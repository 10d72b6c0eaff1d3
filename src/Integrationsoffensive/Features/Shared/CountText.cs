using System.Globalization;

namespace Integrationsoffensive.Features.Shared;

/// <summary>How the number of signatories reads, wherever it is shown.</summary>
public static class CountText
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    public static string Number(int count) => count.ToString("N0", German);

    public static string Sentence(int count) => $"Bereits {Number(count)} Organisationen haben unterzeichnet";
}
