using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Ledger;

/// <summary>Closed windows read back from a ledger, whole (GPU, job, state and fleet rows), for hosts that follow the ledger rather than Kafka.</summary>
public static class LedgerWindows
{
    /// <summary>
    /// The windows that start after <paramref name="afterUnixMs"/> and before <paramref name="beforeUnixMs"/>, oldest
    /// first, at most <paramref name="max"/> of them.
    /// </summary>
    public static IReadOnlyList<ClosedWindow> Between(LedgerReader reader, long afterUnixMs, long beforeUnixMs, int max = 1440)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentOutOfRangeException.ThrowIfLessThan(max, 1);
        var starts = reader.Files(LedgerSchemas.GpuWindows.Name, afterUnixMs + 1, beforeUnixMs)
            .Select(f => LedgerLayout.TryParseWindowStart(Path.GetFileName(f), out var start) ? start : (long?)null)
            .OfType<long>().Distinct().Order().Take(max).ToList();
        if (starts.Count == 0)
        {
            return [];
        }

        var from = starts[0];
        var to = starts[^1] + 1;
        var gpus = reader.GpuWindows(from, to).ToLookup(g => g.WindowStart);
        var jobs = reader.JobWindows(from, to).ToLookup(j => j.WindowStart);
        var states = reader.GpuStates(from, to).ToLookup(s => s.WindowStart);
        var fleet = reader.FleetWindows(from, to).ToDictionary(f => f.WindowStart);
        return [.. starts.Select(start =>
        {
            var rows = gpus[start].ToList();
            var end = rows.Count > 0 ? rows.Max(g => g.WindowEnd) : start;
            return new ClosedWindow(start, end, rows, [.. jobs[start]], [.. states[start]], fleet.GetValueOrDefault(start));
        })];
    }
}
