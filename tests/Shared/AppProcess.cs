using System.Diagnostics;

namespace Integrationsoffensive.Tests.Infrastructure;

/// <summary>The site's executable as a real process: the build output of the web project, run with `dotnet`.</summary>
public static class AppProcess
{
    private static readonly string[] Configurations = ["Debug", "Release"];

    public static string ProjectDirectory => Path.Combine(RepositoryPaths.Root, "src", "Integrationsoffensive");

    /// <summary>The web project's newest build; the test projects reference it, so `dotnet test` builds it first.</summary>
    public static string AppPath() =>
        Configurations
            .Select(config => Path.Combine(ProjectDirectory, "bin", config, "net10.0", "Integrationsoffensive.dll"))
            .Where(File.Exists)
            .OrderByDescending(File.GetLastWriteTimeUtc)
            .FirstOrDefault() ?? throw new InvalidOperationException("Build the web project first.");

    /// <param name="unprivileged">
    /// Run as an ordinary user, as the container's does: a test run as root (CI) would read every
    /// file whatever its permissions, so there the site is started through runuser as „nobody“.
    /// </param>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null, bool unprivileged = false)
    {
        var asNobody = unprivileged && Environment.IsPrivilegedProcess;
        var info = new ProcessStartInfo(asNobody ? "runuser" : "dotnet")
        {
            WorkingDirectory = workingDirectory ?? ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asNobody)
        {
            foreach (var arg in new[] { "-u", "nobody", "--", "dotnet" })
            {
                info.ArgumentList.Add(arg);
            }
        }

        info.ArgumentList.Add(AppPath());
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return info;
    }

    /// <summary>Runs to the end (at most a minute) and returns the exit code and everything it printed.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null)
    {
        using var process = Process.Start(StartInfo(args, environment, workingDirectory))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
