using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Windows;

namespace Telemetry.Cli.Tests.Support;

/// <summary>A ledger for the report: a month of hourly windows, two teams' jobs on one H100 each, the second idle half its time.</summary>
internal static class ReportLedger
{
    public static readonly DateTimeOffset Month = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Writes the month into a new temporary directory and returns its path; <paramref name="gpu"/> may change each GPU window.</summary>
    public static string WriteMonth(Func<GpuWindow, GpuWindow>? gpu = null)
    {
        gpu ??= w => w;
        var ledger = Directory.CreateTempSubdirectory("report-month-").FullName;
        var writer = new LedgerWriter(ledger);
        for (var hour = 0; hour < 31 * 24; hour++)
        {
            var start = Month.AddHours(hour).ToUnixTimeMilliseconds();
            var end = start + 3_600_000;
            writer.Write(new ClosedWindow(start, end,
                [gpu(Gpu(start, end, "gpu-node-000", "GPU-a", "train-1", 1_800_000)), gpu(Gpu(start, end, "gpu-node-001", "GPU-b", "serve-1", 360_000))],
                [
                    new JobWindow(start, end, "train-1", "ada", "research", "NVIDIA H100 80GB HBM3", 1, 3600, 3600, 1_800_000, 1_800_000 * 1.1, 0, null, 1_800_000),
                    new JobWindow(start, end, "serve-1", "svc", "product", "NVIDIA H100 80GB HBM3", 1, 3600, 1800, 360_000, 0, 7_200_000, "tokens", 0),
                ]));
        }

        return ledger;
    }

    private static GpuWindow Gpu(long start, long end, string node, string uuid, string job, double joules) =>
        new(start, end, node, uuid, 0, null, "NVIDIA H100 80GB HBM3", job, 3600, 1, 50, 100, 0.5, 0.9, 0.3, 0.3, joules / 3600, joules / 3600,
            joules, joules, joules, 0, 0, 60, 60, 1000, 81559, 0, 0, 0, 3600, 3600, 0, "agree");
}
