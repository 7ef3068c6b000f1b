using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Telemetry.Cli.Bench;

/// <summary>
/// The C baseline (<c>shared/bench/kafka-mock-baseline.c</c>: librdkafka's own producer and consumer through the same
/// mock cluster, built against the same librdkafka package), run as a child process.
/// </summary>
internal sealed partial class CBaseline(string binary)
{
    /// <summary>Builds the baseline with its build script, found beside the repository; null with the reason when it cannot.</summary>
    public static CBaseline? Build(out string? problem)
    {
        var script = FindScript();
        if (script is null)
        {
            problem = "shared/bench/build.sh not found beside the repository";
            return null;
        }

        var output = Path.Combine(Path.GetTempPath(), "kafka-mock-baseline-" + Environment.UserName);
        var (status, stdout, stderr) = RunProcess("bash", [script, output], TimeSpan.FromMinutes(2));
        var binary = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim();
        if (status != 0 || binary is null || !File.Exists(binary))
        {
            problem = $"build.sh failed ({status}): {stderr.Trim()}";
            return null;
        }

        problem = null;
        return new CBaseline(binary);
    }

    /// <summary>Produces <paramref name="messages"/> messages at full speed with a consumer draining them at the same time.</summary>
    public CBaselineResult Run(long messages, int lingerMs, string codec, int messageBytes, int partitions)
    {
        string[] args = [messages.ToString(CultureInfo.InvariantCulture), lingerMs.ToString(CultureInfo.InvariantCulture), codec,
            messageBytes.ToString(CultureInfo.InvariantCulture), "1", partitions.ToString(CultureInfo.InvariantCulture)];
        var (status, stdout, stderr) = RunProcess(binary, args, TimeSpan.FromMinutes(5));
        var produce = ProduceLine().Match(stdout);
        var consume = ConsumeLine().Match(stdout);
        if (status != 0 || !produce.Success || !consume.Success)
        {
            throw new InvalidOperationException($"The C baseline failed ({status}): {stdout.Trim()} {stderr.Trim()}");
        }

        return new CBaselineResult(
            double.Parse(produce.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(consume.Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(consume.Groups[2].Value, CultureInfo.InvariantCulture),
            double.Parse(consume.Groups[3].Value, CultureInfo.InvariantCulture));
    }

    private static string? FindScript()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", "bench", "build.sh");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static (int Status, string Stdout, string Stderr) RunProcess(string file, string[] args, TimeSpan timeout)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout.TotalSeconds:0} s.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [GeneratedRegex(@": (\d+) msg/s")]
    private static partial Regex ProduceLine();

    [GeneratedRegex(@"consumer got (\d+)/(\d+), done [\d.]+s after produce start => (\d+) msg/s e2e")]
    private static partial Regex ConsumeLine();
}
