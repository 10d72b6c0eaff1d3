namespace Integrationsoffensive.Content;

/// <summary>
/// content/uebergabe.yml: how the handover document (/uebergabe, /uebergabe.pdf) looks — its
/// title, to whom it goes, on which day, and how the co-signers are grouped after the founders.
/// </summary>
public sealed class HandoverSettings : IFrontMatter
{
    public const string File = "uebergabe.yml";

    public string Title { get; set; } = "Aufruf für eine Integrationsoffensive";

    public string Recipient { get; set; } = "An die Hessische Landesregierung";

    /// <summary>The day of the handover ("2024-03-15"); empty: the document is dated today.</summary>
    public string? Date { get; set; }

    /// <summary>"region" or "type" (the kind of organization).</summary>
    public string GroupBy { get; set; } = "region";

    [YamlDotNet.Serialization.YamlIgnore]
    public ContentDate? HandoverDay => ContentDate.Parse(Date, "date");

    [YamlDotNet.Serialization.YamlIgnore]
    public bool ByType => GroupBy == "type";

    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Title) || GroupBy is not ("region" or "type"))
        {
            throw new ContentException("The handover needs a \"title\", and \"groupBy\" must be region or type.");
        }

        _ = HandoverDay;
    }

    /// <summary>The settings in content/, or the defaults when the file is missing.</summary>
    public static HandoverSettings Load(ContentStore store) => store.Data<HandoverSettings>(File) ?? new HandoverSettings();
}
