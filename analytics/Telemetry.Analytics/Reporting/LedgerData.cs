using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Reporting;

/// <summary>The ledger rows a report is built from.</summary>
/// <param name="Gpus">GPU windows.</param>
/// <param name="Jobs">Job windows.</param>
/// <param name="States">GPU state rows (empty for ledgers written before they were kept).</param>
/// <param name="Fleet">Fleet windows (likewise).</param>
public sealed record LedgerData(IReadOnlyList<GpuWindow> Gpus, IReadOnlyList<JobWindow> Jobs, IReadOnlyList<GpuStateWindow> States, IReadOnlyList<FleetWindow> Fleet)
{
    /// <summary>The rows of the windows that overlap [from, to), or all of them.</summary>
    public static LedgerData Read(LedgerReader reader, long? from = null, long? to = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        bool In(long start, long end) => (from is null || end > from) && (to is null || start < to);

        var (first, last) = Starts(from, to);
        return new LedgerData(
            [.. reader.GpuWindows(first, last).Where(w => In(w.WindowStart, w.WindowEnd))],
            [.. reader.JobWindows(first, last).Where(w => In(w.WindowStart, w.WindowEnd))],
            [.. reader.GpuStates(first, last).Where(w => In(w.WindowStart, w.WindowEnd))],
            [.. reader.FleetWindows(first, last).Where(w => In(w.WindowStart, w.WindowEnd))]);
    }

    /// <summary>How many window files <see cref="Read"/> opens for the same range: the total of a progress bar.</summary>
    public static int FileCount(LedgerReader reader, long? from = null, long? to = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var (first, last) = Starts(from, to);
        return new[] { LedgerSchemas.GpuWindows.Name, LedgerSchemas.JobWindows.Name, LedgerSchemas.GpuStates.Name, LedgerSchemas.FleetWindows.Name }
            .Sum(table => reader.Files(table, first, last).Count);
    }

    // Day partitions outside the range are skipped unread; a window is at most a day long, so one that starts the day
    // before the range can still overlap it.
    private static (long First, long Last) Starts(long? from, long? to) =>
        (from is { } f ? f - (long)TimeSpan.FromDays(1).TotalMilliseconds : long.MinValue, to ?? long.MaxValue);
}
