namespace Telemetry.Analytics.Windows;

/// <summary>
/// One job over one closed window: additive partials (GPU-seconds, joules, TFLOP, tokens) that merge exactly across
/// windows and aggregator instances, and the ratios derived from them. <c>TensorEnergyJoules</c> is the energy of the
/// intervals whose tensor activity was reported (null in rows written before it was kept: then all of the energy).
/// </summary>
public sealed record JobWindow(
    long WindowStart,
    long WindowEnd,
    string JobId,
    string User,
    string Team,
    string? GpuModel,
    int Gpus,
    double GpuSeconds,
    double BusyGpuSeconds,
    double EnergyJoules,
    double Tflop,
    long Tokens,
    string? ThroughputUnit,
    double? TensorEnergyJoules = null,
    double ComputeBoundSeconds = 0,
    double MemoryBoundSeconds = 0,
    double CommunicationBoundSeconds = 0,
    double MixedBoundSeconds = 0,
    double UnknownBoundSeconds = 0)
{
    /// <summary>GPU-seconds the job held its GPUs without using them.</summary>
    public double IdleGpuSeconds => GpuSeconds - BusyGpuSeconds;

    /// <summary>Tokens (or samples) per joule, when the job reports throughput.</summary>
    public double? TokensPerJoule => ThroughputUnit is null || EnergyJoules <= 0 ? null : Tokens / EnergyJoules;

    /// <summary>
    /// Estimated tensor TFLOPS per watt (TFLOP per joule), over the time the GPUs reported tensor activity; null when
    /// they never did (nvidia-smi reports none), so that "unknown" never reads as zero.
    /// </summary>
    public double? TflopsPerWatt => (TensorEnergyJoules ?? EnergyJoules) is var joules && joules > 0 ? Tflop / joules : null;
}
