namespace Integrationsoffensive.Features.Signing;

/// <summary>
/// The consent the form asks for. Change <see cref="Version"/> whenever the wording changes:
/// every application stores the version its applicant agreed to.
/// </summary>
public static class ConsentText
{
    public const string Version = "2026-11-25";

    public const string BeforeLink = "Ich bin einverstanden, dass meine Angaben zur Prüfung und Veröffentlichung der Mitzeichnung verarbeitet werden, wie in der ";
    public const string LinkText = "Datenschutzerklärung";
    public const string AfterLink = " beschrieben. Die Einwilligung kann ich jederzeit widerrufen.";

    public const string Authorization = "Ich bin berechtigt, im Namen der Organisation zu unterzeichnen.";
}
