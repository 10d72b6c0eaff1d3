using Integrationsoffensive.Features.Shared;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Integrationsoffensive.Features.Site;

/// <summary>
/// The German error page for every status code and unhandled exception, in the site's layout.
/// It is re-executed with the original method, so it answers POSTs too, without antiforgery.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel, IPageMetadata
{
    public int Code { get; private set; }

    public string PageTitle => Message.Title;

    public bool NoIndex => true;

    public ErrorMessage Message => ErrorMessage.For(Code);

    public IActionResult OnGet(int? code) => Show(code);

    public IActionResult OnPost(int? code) => Show(code);

    private PageResult Show(int? code)
    {
        var reExecuted = HttpContext.Features.Get<IStatusCodeReExecuteFeature>() is not null
            || HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not null;
        Code = reExecuted ? Response.StatusCode : code is >= 400 and <= 599 ? code.Value : 404;
        if (!reExecuted)
        {
            HttpContext.Items[Hosting.Logging.ErrorPageAskedForKey] = true;
        }

        Response.StatusCode = Code;
        return Page();
    }
}

/// <summary>What a reader is told for a status code: a title and what to do next.</summary>
public sealed record ErrorMessage(string Title, string Text)
{
    public static ErrorMessage For(int code) => code switch
    {
        400 => new("Die Anfrage war ungültig", "Bitte laden Sie die Seite neu und versuchen Sie es noch einmal."),
        403 => new("Kein Zugriff", "Für diese Seite fehlt Ihnen die Berechtigung."),
        404 => new("Seite nicht gefunden", "Die Adresse ist falsch geschrieben oder die Seite gibt es nicht mehr."),
        405 => new("Diese Aktion ist hier nicht möglich", "Bitte rufen Sie die Seite über einen Link auf dieser Website auf."),
        413 => new("Die Datei ist zu groß", "Ein Logo darf höchstens 2 MB groß sein. Bitte gehen Sie zurück, wählen Sie eine kleinere Datei und senden Sie das Formular noch einmal ab."),
        429 => new("Zu viele Anfragen", "Bitte warten Sie einen Moment und versuchen Sie es dann erneut."),
        503 => new("Vorübergehend nicht erreichbar", "Die Seite ist gleich wieder da. Bitte versuchen Sie es in einigen Minuten erneut."),
        >= 500 => new("Ein Fehler ist aufgetreten", "Das hätte nicht passieren dürfen. Bitte versuchen Sie es später erneut."),
        _ => new("Das hat nicht geklappt", "Bitte versuchen Sie es noch einmal."),
    };
}
