namespace Telemetry.Analytics.Windows;

/// <summary>
/// One GPU over one closed window: the row the ledger keeps. Energies in joules, times in Unix milliseconds.
/// <c>EnergyConfidence</c> is one of agree, counter-only, integral-only, disagree, gap, none (<see cref="Windows.EnergyConfidence"/>).
/// </summary>
/// <remarks>
/// The memory and XID fields at the end were added for the health analysis, with defaults so that rows written
/// before them still read: <c>EccDbeErrors</c> is the rise of the volatile double-bit ECC counter (DCGM 311) over the
/// window, counting the new value after a counter reset; <c>UncorrectableRemappedRows</c> the rise of DCGM 393;
/// <c>RowRemapFailure</c> the highest value of DCGM 395 (0 or 1); <c>XidGauge</c> the XID field's last raw value in the
/// window, repeats included (0 when clear, null when no sample had it); <c>ThermalThrottleSeconds</c> and
/// <c>PowerThrottleSeconds</c> the parts of <c>ThrottleSeconds</c> with a thermal slowdown reason and with the power
/// brake, null where they are not split.
/// </remarks>
public sealed record GpuWindow(
    long WindowStart,
    long WindowEnd,
    string Node,
    string GpuUuid,
    int GpuIndex,
    int? MigInstance,
    string GpuModel,
    string? JobId,
    int Samples,
    double Coverage,
    double? GpuUtilMean,
    double? GpuUtilMax,
    double? SmActiveMean,
    double? SmActiveMax,
    double? TensorActiveMean,
    double? DramActiveMean,
    double? PowerMean,
    double? PowerMax,
    double EnergyCounterJoules,
    double EnergyIntegratedJoules,
    double EnergyJoules,
    int CounterResets,
    int Gaps,
    double? GpuTempMax,
    double? MemoryTempMax,
    double? FbUsedMax,
    double? FbTotal,
    int XidCount,
    long XidLast,
    double ThrottleSeconds,
    double BusySeconds,
    double AllocatedSeconds,
    double Tflop,
    string EnergyConfidence = "none",
    int CounterWraps = 0,
    int EccDbeErrors = 0,
    int UncorrectableRemappedRows = 0,
    int RowRemapFailure = 0,
    long? XidGauge = null,
    double? ThermalThrottleSeconds = null,
    double? PowerThrottleSeconds = null);
