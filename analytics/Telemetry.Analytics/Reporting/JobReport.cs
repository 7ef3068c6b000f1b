namespace Telemetry.Analytics.Reporting;

/// <summary>One job over the report's range, merged from its window partials.</summary>
public sealed record JobReport(
    string JobId,
    string User,
    string Team,
    string? GpuModel,
    int Gpus,
    double GpuHours,
    double EnergyJoules,
    double EnergyKwh,
    long Tokens,
    string? ThroughputUnit,
    double? TokensPerJoule,
    double? TflopsPerWatt,
    double Utilization,
    double AveragePowerWatts,
    double IdleGpuHours);
