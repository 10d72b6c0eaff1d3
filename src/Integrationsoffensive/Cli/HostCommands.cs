namespace Integrationsoffensive.Cli;

/// <summary>
/// Commands that need the site's services (database, Identity) but not its web server:
/// <c>moderator …</c>, <c>seed-demo &lt;N&gt;</c>, <c>backup</c>/<c>restore</c>/<c>export</c>/<c>import &lt;file&gt;</c>. Settings for the site follow a "--", e.g.
/// <c>moderator list -- --DataDirectory=/data</c>.
/// </summary>
public static class HostCommands
{
    public static bool IsCommand(string[] args) => args is ["moderator", ..] or ["seed-demo", ..] or ["backup" or "restore" or "export" or "import", ..];

    public static Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output) => CommandArgs(args) switch
    {
        ["moderator", ..] command => ModeratorCommands.RunAsync(services, command, output),
        ["seed-demo", ..] command => SeedDemoCommand.RunAsync(services, command, output),
        ["backup" or "restore" or "export" or "import", ..] command => DatabaseCommands.RunAsync(services, command, output),
        _ => Task.FromResult(2),
    };

    /// <summary>Host settings for a command: only what follows "--"; the command's own words are not settings.</summary>
    public static string[] HostArgs(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        var hostArgs = separator < 0 ? [] : args[(separator + 1)..];
        return [.. hostArgs, "--Serilog:MinimumLevel:Default=Warning"];
    }

    private static string[] CommandArgs(string[] args)
    {
        var separator = Array.IndexOf(args, "--");
        return separator < 0 ? args : args[..separator];
    }
}
