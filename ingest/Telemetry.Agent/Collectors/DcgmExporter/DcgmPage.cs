namespace Telemetry.Agent.Collectors.DcgmExporter;

/// <summary>What one dcgm-exporter page yields.</summary>
/// <param name="Readings">One reading per GPU and per MIG instance, in page order.</param>
/// <param name="Workloads">Distinct workload labels per GPU or MIG instance, in page order.</param>
/// <param name="IgnoredFamilies">Series of families outside the field catalog, by family name.</param>
/// <param name="Blanks">Values dropped as sentinels, NaN or infinite, one entry per value.</param>
/// <param name="SeriesWithoutUuid">Series of catalog fields dropped because they name no GPU.</param>
internal sealed record DcgmPage(
    IReadOnlyList<GpuReading> Readings,
    IReadOnlyList<GpuWorkloadLabels> Workloads,
    IReadOnlyDictionary<string, int> IgnoredFamilies,
    IReadOnlyList<(string Field, BlankReason Reason)> Blanks,
    int SeriesWithoutUuid);
