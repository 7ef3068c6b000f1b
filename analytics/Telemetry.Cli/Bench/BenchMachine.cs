using System.Runtime.InteropServices;

namespace Telemetry.Cli.Bench;

/// <summary>The machine a benchmark ran on, in words.</summary>
internal static class BenchMachine
{
    // Others' work on the machine shows in the load average; the ratios, measured side by side, suffer less from it.
    public static string Describe()
    {
        var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
        return $"{Environment.ProcessorCount} cores (load average {load} at the end), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}";
    }
}
