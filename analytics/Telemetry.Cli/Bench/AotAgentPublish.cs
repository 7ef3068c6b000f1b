using System.Diagnostics;

namespace Telemetry.Cli.Bench;

/// <summary>
/// The ahead-of-time compiled agent (<c>ingest/Telemetry.Agent.Host</c>), published with
/// <c>dotnet publish -c Release -r linux-x64</c> into its project's <c>obj/aot-publish</c> when a source file is newer
/// than the binary there.
/// </summary>
internal static class AotAgentPublish
{
    private const string Project = "ingest/Telemetry.Agent.Host/Telemetry.Agent.Host.csproj";
    private const int TimeoutMinutes = 15;
    private static readonly string[] Sources = [".cs", ".csproj", ".props", ".targets", ".json"];

    /// <summary>The binary, published first where needed; or why there is none, with the end of the publish output.</summary>
    public static async Task<(string? Binary, string? Problem)> EnsureAsync(Action<string> say, CancellationToken cancellationToken)
    {
        if (RepositoryRoot() is not { } root)
        {
            return (null, "the repository (Telemetry.sln) was not found above " + AppContext.BaseDirectory);
        }

        var output = Path.Combine(root, "ingest", "Telemetry.Agent.Host", "obj", "aot-publish");
        var binary = Path.Combine(output, "telemetry-agent");
        if (File.Exists(binary) && File.GetLastWriteTimeUtc(binary) > NewestSource(root))
        {
            say($"Ahead-of-time compiled agent up to date: {binary}");
            return (binary, null);
        }

        say($"Publishing the ahead-of-time compiled agent (dotnet publish {Project} -c Release -r linux-x64 -o {output}); a few minutes on 2 cores…");
        var (exit, log) = await RunAsync(root, ["publish", Project, "-c", "Release", "-r", "linux-x64", "-o", output, "-nologo", "-v", "q"], cancellationToken).ConfigureAwait(false);
        return exit == 0 && File.Exists(binary) ? (binary, null)
            : (null, $"dotnet publish exited with status {exit}: {string.Join(Environment.NewLine, log.TakeLast(15))}");
    }

    private static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Telemetry.sln")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    /// <summary>When the agent's sources or the build settings last changed: ingest/ (less bin and obj) and the root's props and global.json.</summary>
    private static DateTime NewestSource(string root)
    {
        var files = Directory.EnumerateFiles(Path.Combine(root, "ingest"), "*", SearchOption.AllDirectories)
            .Where(f => Sources.Contains(Path.GetExtension(f)) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(root, "Directory.*.props"))
            .Append(Path.Combine(root, "global.json"));
        return files.Where(File.Exists).Select(File.GetLastWriteTimeUtc).DefaultIfEmpty(DateTime.MaxValue).Max();
    }

    private static async Task<(int Exit, List<string> Log)> RunAsync(string root, string[] args, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("dotnet") { WorkingDirectory = root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var log = new List<string>();
        using var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => Add(log, e.Data);
        process.ErrorDataReceived += (_, e) => Add(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(TimeoutMinutes));
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            Add(log, $"timed out after {TimeoutMinutes} minutes");
            return (-1, log);
        }

        lock (log)
        {
            return (process.ExitCode, [.. log]);
        }
    }

    private static void Add(List<string> log, string? line)
    {
        if (!string.IsNullOrWhiteSpace(line) && !line.Contains("warning NU1603", StringComparison.Ordinal))
        {
            lock (log)
            {
                log.Add(line);
            }
        }
    }
}
