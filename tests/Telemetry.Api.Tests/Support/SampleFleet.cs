using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Windows;

namespace Telemetry.Api.Tests.Support;

/// <summary>
/// Two one-minute windows of a small fleet of two teams, written to a real ledger: node-1 GPU 0 runs job-1 of team llm
/// (an H100, mostly productive), node-1 GPU 1 is unallocated and idle, node-2 GPU 0 runs job-2 of team vision (an A100,
/// idle for 25 seconds a minute). The clock stands an hour after the first window.
/// </summary>
internal static class SampleFleet
{
    public const string H100 = "NVIDIA H100 80GB HBM3";
    public const string A100 = "NVIDIA A100-SXM4-80GB";

    public static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset Now = T0.AddHours(1);

    public static long Ms(int minute) => T0.AddMinutes(minute).ToUnixTimeMilliseconds();

    /// <summary>Writes both windows to a ledger in <paramref name="directory"/>.</summary>
    public static void WriteTo(string directory)
    {
        var writer = new LedgerWriter(directory);
        writer.Write(Window(0));
        writer.Write(Window(1));
    }

    public static ClosedWindow Window(int minute, long xid = 0) => new(
        Ms(minute),
        Ms(minute + 1),
        [
            Gpu(minute, "node-1", 0, H100, "job-1", 36_000, 90) with { XidCount = xid == 0 ? 0 : 1, XidLast = xid },
            Gpu(minute, "node-1", 1, H100, null, 3_000, 0),
            Gpu(minute, "node-2", 0, A100, "job-2", 18_000, 40),
        ],
        [
            new JobWindow(Ms(minute), Ms(minute + 1), "job-1", "alice", "llm", H100, 1, 60, 55, 36_000, 1_000, 1_000_000, "tokens"),
            new JobWindow(Ms(minute), Ms(minute + 1), "job-2", "bob", "vision", A100, 1, 60, 35, 18_000, 300, 0, null),
        ],
        [
            State(minute, "node-1", 0, H100, "job-1", "productive", 55, 34_000),
            State(minute, "node-1", 0, H100, "job-1", "allocated-idle", 5, 2_000),
            State(minute, "node-1", 1, H100, null, "unallocated-idle", 60, 3_000),
            State(minute, "node-2", 0, A100, "job-2", "productive", 35, 12_000),
            State(minute, "node-2", 0, A100, "job-2", "allocated-idle", 25, 6_000),
        ],
        new FleetWindow(Ms(minute), Ms(minute + 1), 3, 36, 57_000, 54_000, 3_000, 0, 0, 0, 3, 0, 0, 0));

    private static GpuWindow Gpu(int minute, string node, int index, string model, string? job, double joules, double util) => new(
        Ms(minute), Ms(minute + 1), node, $"GPU-{node}-{index}", index, null, model, job, 12, 1.0,
        GpuUtilMean: util, GpuUtilMax: util, SmActiveMean: util / 100, SmActiveMax: util / 100, TensorActiveMean: util / 200, DramActiveMean: 0.3,
        PowerMean: joules / 60, PowerMax: joules / 50, EnergyCounterJoules: joules, EnergyIntegratedJoules: joules, EnergyJoules: joules,
        CounterResets: 0, Gaps: 0, GpuTempMax: 70, MemoryTempMax: 80, FbUsedMax: 60_000, FbTotal: 81_559,
        XidCount: 0, XidLast: 0, ThrottleSeconds: 0, BusySeconds: util * 0.6, AllocatedSeconds: job is null ? 0 : 60, Tflop: util * 10,
        EnergyConfidence: "agree");

    private static GpuStateWindow State(int minute, string node, int index, string model, string? job, string state, double seconds, double joules) =>
        new(Ms(minute), Ms(minute + 1), node, $"GPU-{node}-{index}", index, null, model, job, state, seconds, joules);
}
