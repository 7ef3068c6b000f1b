namespace Telemetry.Analytics.Reporting;

/// <summary>
/// One job over the report's range, merged from its window partials. The bound shares are shares of its GPU-seconds
/// (with the idle share, 1 − utilization, they add up to one); the "vs model median" figures compare the job with the
/// median of the jobs on the same GPU model (1.0 = median).
/// </summary>
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
    double IdleGpuHours,
    double ComputeBoundShare = 0,
    double MemoryBoundShare = 0,
    double CommunicationBoundShare = 0,
    double MixedBoundShare = 0,
    double UnknownBoundShare = 0,
    double? TflopsPerWattVsModelMedian = null,
    double? TokensPerJouleVsModelMedian = null,
    double? KwhPerMillionTokens = null,
    string? Site = null,
    string? Currency = null,
    double FacilityKwh = 0,
    double EnergyCost = 0,
    double? Co2Kg = null,
    double? GpuTimeCost = null,
    double? EnergyCostPerMillionTokens = null,
    double? LoadedCostPerMillionTokens = null);
