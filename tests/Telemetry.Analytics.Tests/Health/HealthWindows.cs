using Telemetry.Analytics.Windows;
using Telemetry.Contract.Samples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Health;

/// <summary>
/// One-minute GPU windows with the readings of the real H100 80GB HBM3 capture in shared/fixtures
/// (nvidia-smi-h100-query-gpu-and-dmon.txt): idle dmon 69 W, GPU 41 °C, memory 48 °C, SM 0 %; under gpu-burn
/// 631 to 636 W (mean 633.6 W), GPU up to 65 °C, memory up to 59 °C, SM 100 %. nvidia-smi has no profiling fields:
/// dmon's SM percentage stands in for SM activity, and tensor and DRAM activity are missing.
/// </summary>
internal static class HealthWindows
{
    public static readonly GpuIdentity Node2H100 = new("node-2", "GPU-33333333-3333-3333-3333-333333333333", 0, "NVIDIA H100 80GB HBM3");

    public static GpuWindow Idle(GpuIdentity gpu, int minute) => new(
        At(minute * 60), At((minute + 1) * 60), gpu.Node, gpu.Uuid, gpu.Index, gpu.MigInstance, gpu.Model, null, 12, 1.0,
        GpuUtilMean: 0, GpuUtilMax: 0, SmActiveMean: 0, SmActiveMax: 0, TensorActiveMean: null, DramActiveMean: null,
        PowerMean: 69, PowerMax: 69, EnergyCounterJoules: 4_140, EnergyIntegratedJoules: 4_140, EnergyJoules: 4_140,
        CounterResets: 0, Gaps: 0, GpuTempMax: 41, MemoryTempMax: 48, FbUsedMax: 0, FbTotal: 81_559,
        XidCount: 0, XidLast: 0, ThrottleSeconds: 0, BusySeconds: 0, AllocatedSeconds: 0, Tflop: 0);

    public static GpuWindow Burn(GpuIdentity gpu, int minute) => Idle(gpu, minute) with
    {
        JobId = "gpu-burn",
        GpuUtilMean = 100,
        GpuUtilMax = 100,
        SmActiveMean = 1.0,
        SmActiveMax = 1.0,
        PowerMean = 633.6,
        PowerMax = 636,
        EnergyCounterJoules = 38_016,
        EnergyIntegratedJoules = 38_016,
        EnergyJoules = 38_016,
        GpuTempMax = 65,
        MemoryTempMax = 59,
        BusySeconds = 60,
        AllocatedSeconds = 60,
    };

    /// <summary>Minutes <paramref name="from"/> to <paramref name="to"/> (inclusive) of one GPU.</summary>
    public static List<GpuWindow> Minutes(int from, int to, Func<int, GpuWindow> window) =>
        [.. Enumerable.Range(from, to - from + 1).Select(window)];
}
