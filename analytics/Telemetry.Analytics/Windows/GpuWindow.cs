namespace Telemetry.Analytics.Windows;

/// <summary>
/// One GPU over one closed window: the row the ledger keeps. Energies in joules, times in Unix milliseconds.
/// <c>EnergyConfidence</c> is one of agree, counter-only, integral-only, disagree, gap, none (<see cref="Windows.EnergyConfidence"/>).
/// </summary>
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
    int CounterWraps = 0);
