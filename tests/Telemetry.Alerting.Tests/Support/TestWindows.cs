using Telemetry.Analytics.Windows;

namespace Telemetry.Alerting.Tests.Support;

/// <summary>One-minute windows of a small fleet, built the way the aggregator closes them.</summary>
internal static class TestWindows
{
    public const string H100 = "NVIDIA H100 80GB HBM3";

    public static readonly DateTimeOffset T0 = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    public static DateTimeOffset At(int minute) => T0.AddMinutes(minute);

    public static long Ms(int minute) => At(minute).ToUnixTimeMilliseconds();

    public static string Uuid(string node, int index) => $"GPU-{node}-{index}";

    /// <summary>A healthy, busy GPU's minute.</summary>
    public static GpuWindow Gpu(int minute, string node = "node-a", int index = 0, string? job = "job-1") => new(
        Ms(minute), Ms(minute + 1), node, Uuid(node, index), index, null, H100, job, 12, 1.0,
        GpuUtilMean: 90, GpuUtilMax: 100, SmActiveMean: 0.7, SmActiveMax: 0.9, TensorActiveMean: 0.4, DramActiveMean: 0.3,
        PowerMean: 600, PowerMax: 650, EnergyCounterJoules: 36_000, EnergyIntegratedJoules: 36_000, EnergyJoules: 36_000,
        CounterResets: 0, Gaps: 0, GpuTempMax: 70, MemoryTempMax: 80, FbUsedMax: 60_000, FbTotal: 81_559,
        XidCount: 0, XidLast: 0, ThrottleSeconds: 0, BusySeconds: 60, AllocatedSeconds: job is null ? 0 : 60, Tflop: 1000,
        EnergyConfidence: "agree", ThermalThrottleSeconds: 0, PowerThrottleSeconds: 0);

    /// <summary>A GPU's minute spent mostly in one state (the rest productive).</summary>
    public static GpuStateWindow[] States(int minute, string state, string node = "node-a", int index = 0, string? job = "job-1", double seconds = 50) =>
    [
        new(Ms(minute), Ms(minute + 1), node, Uuid(node, index), index, null, H100, job, state, seconds, seconds * 100),
        new(Ms(minute), Ms(minute + 1), node, Uuid(node, index), index, null, H100, job, "productive", 60 - seconds, (60 - seconds) * 600),
    ];

    public static JobWindow Job(int minute, string job = "job-1", string team = "vision", double joules = 36_000) => new(
        Ms(minute), Ms(minute + 1), job, "alice", team, H100, 1, 60, 60, joules, 1000, 0, null);

    public static ClosedWindow Window(int minute, IEnumerable<GpuWindow> gpus, IEnumerable<JobWindow>? jobs = null, IEnumerable<GpuStateWindow>? states = null) =>
        new(Ms(minute), Ms(minute + 1), [.. gpus], [.. jobs ?? []], states is null ? null : [.. states]);

    /// <summary>The minute of one GPU of node-a held by job-1 of team vision, in a state.</summary>
    public static ClosedWindow InState(int minute, string state, string? job = "job-1") =>
        Window(minute, [Gpu(minute, job: job)], job is null ? [] : [Job(minute, job)], States(minute, state, job: job));
}
