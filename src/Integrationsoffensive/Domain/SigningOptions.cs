using System.Globalization;
using Integrationsoffensive.Content;
using Microsoft.Extensions.Options;

namespace Integrationsoffensive.Domain;

public sealed class SigningOptions
{
    public const string Section = "Signing";

    /// <summary>How long a confirmation link works.</summary>
    public int ConfirmationLinkValidDays { get; set; } = 7;

    /// <summary>Applications whose address was never confirmed are deleted after this many days.</summary>
    public int UnconfirmedRetentionDays { get; set; } = 7;

    /// <summary>After a rejection, contact data are deleted after this many days.</summary>
    public int RejectedContactRetentionDays { get; set; } = 30;

    /// <summary>After a moderator unpublished an entry, contact data are deleted after this many days.</summary>
    public int UnpublishedContactRetentionDays { get; set; } = 30;

    /// <summary>An address gets at most one confirmation mail per this many minutes; more waits and is bundled.</summary>
    public double ConfirmationMailIntervalMinutes { get; set; } = 15;

    /// <summary>A form sent back faster than this was most likely not filled in by a person.</summary>
    public double MinimumFillSeconds { get; set; } = 3;

    /// <summary>How often the retention job runs.</summary>
    public double RetentionIntervalMinutes { get; set; } = 60;
}

/// <summary>The periods the privacy policy quotes, taken from the configuration in force.</summary>
internal sealed class SigningContentVariables(IOptions<SigningOptions> options, IOptions<Email.EmailOptions> email) : IContentVariableSource
{
    public IEnumerable<KeyValuePair<string, string>> GetVariables()
    {
        var o = options.Value;
        yield return new("unbestaetigt_loeschen_nach_tagen", o.UnconfirmedRetentionDays.ToString(CultureInfo.InvariantCulture));
        yield return new("abgelehnt_loeschen_nach_tagen", o.RejectedContactRetentionDays.ToString(CultureInfo.InvariantCulture));
        yield return new("depubliziert_loeschen_nach_tagen", o.UnpublishedContactRetentionDays.ToString(CultureInfo.InvariantCulture));
        yield return new("bestaetigungsmail_abstand_minuten", o.ConfirmationMailIntervalMinutes.ToString(CultureInfo.InvariantCulture));
        yield return new("bestaetigungslink_gueltig_tage", o.ConfirmationLinkValidDays.ToString(CultureInfo.InvariantCulture));
        yield return new("gesendete_mails_loeschen_nach_tagen", email.Value.SentRetentionDays.ToString(CultureInfo.InvariantCulture));
    }
}
