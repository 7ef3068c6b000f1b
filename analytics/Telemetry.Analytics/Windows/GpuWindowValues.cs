using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Windows;

/// <summary>
/// The figures of one GPU's row over a closed window (<see cref="GpuWindow"/> without its window and identity),
/// computed from the GPU's accumulator when the window closes. No references: a window's rows are one array of these.
/// </summary>
internal readonly struct GpuWindowValues
{
    private readonly int _samples, _counterResets, _gaps, _xidCount, _counterWraps, _eccDbeErrors, _uncorrectableRemappedRows, _rowRemapFailure;
    private readonly double _coverage, _energyCounterJoules, _energyIntegratedJoules, _energyJoules;
    private readonly double _gpuTempMax, _memoryTempMax, _fbUsedMax, _fbTotal;
    private readonly double _throttleSeconds, _busySeconds, _allocatedSeconds, _tflop, _thermalThrottleSeconds, _powerThrottleSeconds;
    private readonly double? _gpuUtilMean, _gpuUtilMax, _smActiveMean, _smActiveMax, _tensorActiveMean, _dramActiveMean, _powerMean, _powerMax;
    private readonly long _xidLast;
    private readonly long? _xidGauge;
    private readonly EnergyConfidence _confidence;

    public GpuWindowValues(in GpuAccumulator acc, long windowMs, EnergyConfidence confidence)
    {
        _samples = acc.Samples;
        _coverage = acc.CoveredSeconds * 1000 / windowMs;
        _gpuUtilMean = acc.GpuUtil.Mean;
        _gpuUtilMax = acc.GpuUtil.Maximum;
        _smActiveMean = acc.SmActive.Mean;
        _smActiveMax = acc.SmActive.Maximum;
        _tensorActiveMean = acc.TensorActive.Mean;
        _dramActiveMean = acc.DramActive.Mean;
        _powerMean = acc.Power.Mean;
        _powerMax = acc.Power.Maximum;
        _energyCounterJoules = acc.EnergyCounterJoules;
        _energyIntegratedJoules = acc.EnergyIntegratedJoules;
        _energyJoules = acc.EnergyJoules;
        _counterResets = acc.CounterResets;
        _gaps = acc.Gaps;
        _gpuTempMax = acc.GpuTempMax;
        _memoryTempMax = acc.MemoryTempMax;
        _fbUsedMax = acc.FbUsedMax;
        _fbTotal = acc.FbTotal;
        _xidCount = acc.XidCount;
        _xidLast = acc.XidLast;
        _throttleSeconds = acc.ThrottleSeconds;
        _busySeconds = acc.BusySeconds;
        _allocatedSeconds = acc.AllocatedSeconds;
        _tflop = acc.Tflop;
        _confidence = confidence;
        _counterWraps = acc.CounterWraps;
        _eccDbeErrors = acc.EccDbeErrors;
        _uncorrectableRemappedRows = acc.UncorrectableRemappedRows;
        _rowRemapFailure = acc.RowRemapFailure;
        _xidGauge = acc.XidGauge;
        _thermalThrottleSeconds = acc.ThermalThrottleSeconds;
        _powerThrottleSeconds = acc.PowerThrottleSeconds;
    }

    /// <summary>The row of this GPU over this window.</summary>
    public GpuWindow Row(long windowStart, long windowEnd, GpuIdentity gpu, string? jobId) => new(
        windowStart,
        windowEnd,
        gpu.Node,
        gpu.Uuid,
        gpu.Index,
        gpu.MigInstance,
        gpu.Model,
        jobId,
        _samples,
        _coverage,
        _gpuUtilMean,
        _gpuUtilMax,
        _smActiveMean,
        _smActiveMax,
        _tensorActiveMean,
        _dramActiveMean,
        _powerMean,
        _powerMax,
        _energyCounterJoules,
        _energyIntegratedJoules,
        _energyJoules,
        _counterResets,
        _gaps,
        NullIfNaN(_gpuTempMax),
        NullIfNaN(_memoryTempMax),
        NullIfNaN(_fbUsedMax),
        NullIfNaN(_fbTotal),
        _xidCount,
        _xidLast,
        _throttleSeconds,
        _busySeconds,
        _allocatedSeconds,
        _tflop,
        StateNames.Of(_confidence),
        _counterWraps,
        _eccDbeErrors,
        _uncorrectableRemappedRows,
        _rowRemapFailure,
        _xidGauge,
        _thermalThrottleSeconds,
        _powerThrottleSeconds);

    private static double? NullIfNaN(double value) => double.IsNaN(value) ? null : value;
}
