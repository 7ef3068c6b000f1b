namespace Telemetry.Analytics.Reporting;

/// <summary>The fleet over a range of closed windows: energy, jobs, waste and health, and the sample accounting.</summary>
public sealed record FleetReport(
    DateTimeOffset From,
    DateTimeOffset To,
    int Gpus,
    int Windows,
    double FleetEnergyKwh,
    double AveragePowerKw,
    double AllocatedEnergyKwh,
    double UnallocatedEnergyKwh,
    IReadOnlyList<JobReport> Jobs,
    IReadOnlyList<WasteReport> Waste,
    IReadOnlyList<Health.HealthFinding> Health,
    SampleAccounting? Samples,
    double UnattributedEnergyKwh = 0,
    IReadOnlyList<WasteEpisode>? Episodes = null,
    IReadOnlyList<CostSummary>? Costs = null,
    IReadOnlyList<GpuReport>? PerGpu = null);
