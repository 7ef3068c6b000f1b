using System.Text.Json.Serialization;

namespace Telemetry.Cli.Bench;

/// <summary>What one process used over the measured window.</summary>
/// <param name="Name">Which process.</param>
/// <param name="MeanResidentMiB">Mean resident memory.</param>
/// <param name="PeakResidentMiB">Peak resident memory (the kernel's high-water mark).</param>
/// <param name="CpuPercentOfOneCore">CPU time over wall time, in percent of one core.</param>
/// <param name="CpuMicrosecondsPerSample">CPU time per GPU sample read and sent.</param>
internal sealed record FootprintResult(
    string Name,
    [property: JsonPropertyName("mean_rss_mib")] double MeanResidentMiB,
    [property: JsonPropertyName("peak_rss_mib")] double PeakResidentMiB,
    [property: JsonPropertyName("cpu_percent_of_one_core")] double CpuPercentOfOneCore,
    [property: JsonPropertyName("cpu_us_per_sample")] double? CpuMicrosecondsPerSample);
