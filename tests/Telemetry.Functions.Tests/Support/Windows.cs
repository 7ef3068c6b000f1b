using Telemetry.Analytics.Windows;

namespace Telemetry.Functions.Tests.Support;

/// <summary>
/// One-minute windows of two GPUs as the aggregator writes them to the ledger: node-1 GPU 0 runs job-1 of team llm,
/// node-1 GPU 1 is unallocated. An XID code, when given, is the last one node-1 GPU 0 reported (79: fallen off the bus).
/// </summary>
internal static class Windows
{
    public const string H100 = "NVIDIA H100 80GB HBM3";

    /// <summary>The start of the minute <paramref name="minutesAgo"/> minutes before the current one, on the system clock.</summary>
    public static DateTimeOffset MinutesAgo(int minutesAgo)
    {
        var now = DateTimeOffset.UtcNow;
        return new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(-minutesAgo);
    }

    public static ClosedWindow At(DateTimeOffset start, long xid = 0, bool withFleet = true)
    {
        var from = start.ToUnixTimeMilliseconds();
        var to = from + 60_000;
        return new ClosedWindow(
            from,
            to,
            [Gpu(from, 0, "job-1", 36_000) with { XidCount = xid == 0 ? 0 : 1, XidLast = xid }, Gpu(from, 1, null, 3_000)],
            [new JobWindow(from, to, "job-1", "alice", "llm", H100, 1, 60, 55, 36_000, 1_000, 1_000_000, "tokens")],
            [
                new GpuStateWindow(from, to, "node-1", "GPU-0", 0, null, H100, "job-1", "productive", 55, 34_000),
                new GpuStateWindow(from, to, "node-1", "GPU-0", 0, null, H100, "job-1", "allocated-idle", 5, 2_000),
                new GpuStateWindow(from, to, "node-1", "GPU-1", 1, null, H100, null, "unallocated-idle", 60, 3_000),
            ],
            withFleet ? new FleetWindow(from, to, 2, 24, 39_000, 36_000, 3_000, 0, 0, 0, 2, 0, 0, 0) : null);
    }

    private static GpuWindow Gpu(long from, int index, string? job, double joules) => new(
        from, from + 60_000, "node-1", $"GPU-{index}", index, null, H100, job, 12, 1.0,
        GpuUtilMean: job is null ? 0 : 90, GpuUtilMax: 100, SmActiveMean: 0.7, SmActiveMax: 0.9, TensorActiveMean: 0.4, DramActiveMean: 0.3,
        PowerMean: joules / 60, PowerMax: joules / 50, EnergyCounterJoules: joules, EnergyIntegratedJoules: joules, EnergyJoules: joules,
        CounterResets: 0, Gaps: 0, GpuTempMax: 70, MemoryTempMax: 80, FbUsedMax: 60_000, FbTotal: 81_559,
        XidCount: 0, XidLast: 0, ThrottleSeconds: 0, BusySeconds: job is null ? 0 : 55, AllocatedSeconds: job is null ? 0 : 60, Tflop: 1_000,
        EnergyConfidence: "agree");
}
