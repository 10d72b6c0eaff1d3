namespace Integrationsoffensive.Cli;

/// <summary>
/// Commands on the same executable: <c>dotnet Integrationsoffensive.dll &lt;command&gt;</c>.
/// Anything that is not a known command starts the web site as usual.
/// </summary>
public static class CommandLine
{
    public static bool IsCommand(string[] args) => args is ["healthcheck", ..];

    public static async Task<int> RunAsync(string[] args) => args switch
    {
        ["healthcheck", ..] => await HealthCheckCommand.RunAsync(args[1..]),
        _ => 2,
    };
}
