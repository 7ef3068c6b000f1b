using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Support;

/// <summary>Ledger rows with every column set and with every nullable column null, and windows built from them.</summary>
internal static class LedgerSamples
{
    public static readonly GpuWindow GpuWithEverything = new(
        T0, At(60), "node-1", H100.Uuid, 0, 3, H100.Model, "job-1", 12, 0.9875,
        GpuUtilMean: 87.25, GpuUtilMax: 100, SmActiveMean: 0.71, SmActiveMax: 0.93, TensorActiveMean: 0.42, DramActiveMean: 0.33,
        PowerMean: 612.5, PowerMax: 699.9, EnergyCounterJoules: 36_012.345, EnergyIntegratedJoules: 35_990.1, EnergyJoules: 36_012.345,
        CounterResets: 1, Gaps: 2, GpuTempMax: 71, MemoryTempMax: 80.5, FbUsedMax: 71_234, FbTotal: 81_559,
        XidCount: 1, XidLast: 79, ThrottleSeconds: 4.5, BusySeconds: 55.25, AllocatedSeconds: 59.25, Tflop: 1_234.5678);

    public static readonly GpuWindow GpuWithNothing = new(
        T0, At(60), "node-1", OtherH100.Uuid, 1, null, OtherH100.Model, null, 1, 0,
        GpuUtilMean: null, GpuUtilMax: null, SmActiveMean: null, SmActiveMax: null, TensorActiveMean: null, DramActiveMean: null,
        PowerMean: null, PowerMax: null, EnergyCounterJoules: 0, EnergyIntegratedJoules: 0, EnergyJoules: 0,
        CounterResets: 0, Gaps: 0, GpuTempMax: null, MemoryTempMax: null, FbUsedMax: null, FbTotal: null,
        XidCount: 0, XidLast: 0, ThrottleSeconds: 0, BusySeconds: 0, AllocatedSeconds: 0, Tflop: 0);

    public static readonly JobWindow JobWithThroughput = new(T0, At(60), "job-1", "alice", "llm", H100.Model, 1, 59.25, 55.25, 36_012.345, 1_234.5678, 1_000_001, "tokens");

    public static readonly JobWindow JobWithoutThroughput = new(T0, At(60), "job-2", "bob", "vision", null, 0, 0, 0, 0, 0, 0, null);

    /// <summary>The window of the first minute, with both GPU rows and both job rows.</summary>
    public static ClosedWindow FirstMinute() => new(T0, At(60), [GpuWithEverything, GpuWithNothing], [JobWithThroughput, JobWithoutThroughput]);

    /// <summary>A one-minute window starting at this time, with one GPU row and one job row moved there.</summary>
    public static ClosedWindow MinuteAt(DateTimeOffset start)
    {
        var from = start.ToUnixTimeMilliseconds();
        var to = from + 60_000;
        return new(from, to, [GpuWithEverything with { WindowStart = from, WindowEnd = to }], [JobWithThroughput with { WindowStart = from, WindowEnd = to }]);
    }
}
