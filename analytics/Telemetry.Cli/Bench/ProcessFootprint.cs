using System.Globalization;

namespace Telemetry.Cli.Bench;

/// <summary>Resident memory and CPU time of a process, read from Linux's /proc.</summary>
internal static class ProcessFootprint
{
    private const double ClockTicksPerSecond = 100;

    /// <summary>Resident set size in bytes (VmRSS).</summary>
    public static long ResidentBytes(int pid) => StatusKiB(pid, "VmRSS:") * 1024;

    /// <summary>Peak resident set size in bytes (VmHWM).</summary>
    public static long PeakResidentBytes(int pid) => StatusKiB(pid, "VmHWM:") * 1024;

    /// <summary>User plus system CPU time, from /proc/PID/stat (in clock ticks of 1/100 s, as on every Linux build here).</summary>
    public static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / ClockTicksPerSecond);
    }

    private static long StatusKiB(int pid, string key)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(key.Length).Trim().ToString().Split(' ')[0], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}
