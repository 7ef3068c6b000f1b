using Telemetry.Analytics.Windows;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Aggregation;

/// <summary>Turns a closing window's accumulators into ledger rows.</summary>
internal static class WindowRows
{
    public static GpuWindow Gpu(OpenWindow window, GpuIdentity gpu, GpuAccumulator acc, long windowMs) => new(
        window.Start,
        window.End,
        gpu.Node,
        gpu.Uuid,
        gpu.Index,
        gpu.MigInstance,
        gpu.Model,
        acc.LastJobId,
        acc.Samples,
        acc.CoveredSeconds * 1000 / windowMs,
        acc.GpuUtil.Mean,
        acc.GpuUtil.Maximum,
        acc.SmActive.Mean,
        acc.SmActive.Maximum,
        acc.TensorActive.Mean,
        acc.DramActive.Mean,
        acc.Power.Mean,
        acc.Power.Maximum,
        acc.EnergyCounterJoules,
        acc.EnergyIntegratedJoules,
        acc.EnergyJoules,
        acc.CounterResets,
        acc.Gaps,
        NullIfNaN(acc.GpuTempMax),
        NullIfNaN(acc.MemoryTempMax),
        NullIfNaN(acc.FbUsedMax),
        NullIfNaN(acc.FbTotal),
        acc.XidCount,
        acc.XidLast,
        acc.ThrottleSeconds,
        acc.BusySeconds,
        acc.AllocatedSeconds,
        acc.Tflop);

    public static JobWindow Job(OpenWindow window, JobAccumulator acc) => new(
        window.Start,
        window.End,
        acc.Job.Id,
        acc.Job.User,
        acc.Job.Team,
        acc.GpuModel,
        acc.Gpus.Count,
        acc.GpuSeconds,
        acc.BusyGpuSeconds,
        acc.EnergyJoules,
        acc.Tflop,
        acc.Tokens,
        acc.ThroughputUnit,
        acc.TensorEnergyJoules);

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}
