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
    /// Without root's power to read and write any file whatever its permissions, as the container's
    /// ordinary user: a test run as root (CI) starts the site through setpriv with that power
    /// (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH) taken away, so a file's permissions count again.
    /// </param>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, IReadOnlyDictionary<string, string> environment, string? workingDirectory = null, bool unprivileged = false)
    {
        var info = Command("dotnet", unprivileged);
        info.WorkingDirectory = workingDirectory ?? ProjectDirectory;
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

    /// <summary>Whether a process started as <see cref="StartInfo"/> starts an unprivileged site could read the file.</summary>
    public static async Task<bool> CanReadUnprivilegedAsync(string path)
    {
        var info = Command("cat", unprivileged: true);
        info.ArgumentList.Add(path);
        using var process = Process.Start(info)!;
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0;
    }

    private static ProcessStartInfo Command(string program, bool unprivileged)
    {
        var withoutOverride = unprivileged && Environment.IsPrivilegedProcess;
        var info = new ProcessStartInfo(withoutOverride ? "setpriv" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (withoutOverride)
        {
            foreach (var arg in new[] { "--inh-caps=-all", "--ambient-caps=-all", "--bounding-set=-dac_override,-dac_read_search", "--", program })
            {
                info.ArgumentList.Add(arg);
            }
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
