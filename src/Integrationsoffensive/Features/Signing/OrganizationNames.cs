using System.Globalization;
using System.Text;

namespace Integrationsoffensive.Features.Signing;

public static class OrganizationNames
{
    /// <summary>
    /// A name folded so that "Diakonie  Hessen", "diakonie hessen" and "DiakonieHessen" compare
    /// equal: Unicode NFC, lower case, no white space.
    /// </summary>
    public static string Normalize(string name)
    {
        var folded = name.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("de-DE"));
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded.Where(c => !char.IsWhiteSpace(c)))
        {
            builder.Append(c);
        }

        return builder.ToString();
    }
}
