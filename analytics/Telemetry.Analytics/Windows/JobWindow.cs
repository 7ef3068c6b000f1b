namespace Telemetry.Analytics.Windows;

/// <summary>
/// One job over one closed window: additive partials (GPU-seconds, joules, TFLOP, tokens) that merge exactly across
/// windows and aggregator instances, and the ratios derived from them.
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
    string? ThroughputUnit)
{
    /// <summary>GPU-seconds the job held its GPUs without using them.</summary>
    public double IdleGpuSeconds => GpuSeconds - BusyGpuSeconds;

    /// <summary>Tokens (or samples) per joule, when the job reports throughput.</summary>
    public double? TokensPerJoule => ThroughputUnit is null || EnergyJoules <= 0 ? null : Tokens / EnergyJoules;

    /// <summary>Estimated tensor TFLOPS per watt (TFLOP per joule).</summary>
    public double? TflopsPerWatt => EnergyJoules <= 0 ? null : Tflop / EnergyJoules;
}
