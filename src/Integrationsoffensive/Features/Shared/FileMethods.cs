namespace Integrationsoffensive.Features.Shared;

/// <summary>
/// The methods a file endpoint answers. Razor Pages answer HEAD as GET by themselves; an endpoint
/// mapped for GET alone does not, and its HEAD fell through to the content pages' 404, so uptime
/// monitors, link checkers and feed readers that ask with HEAD first took the open data for gone.
/// Kestrel sends the headers of a HEAD answer and drops its body.
/// </summary>
public static class FileMethods
{
    public static readonly string[] GetAndHead = [HttpMethods.Get, HttpMethods.Head];
}
