namespace Telemetry.Analytics.Reporting;

/// <summary>A stretch of consecutive windows a GPU spent in one waste class, long enough to count.</summary>
/// <param name="Node">Node.</param>
/// <param name="GpuUuid">GPU UUID.</param>
/// <param name="GpuIndex">GPU index.</param>
/// <param name="GpuModel">GPU model.</param>
/// <param name="Class">The waste class.</param>
/// <param name="JobId">The job that held the GPU, for the allocated classes.</param>
/// <param name="Start">Start of the first window of the stretch.</param>
/// <param name="End">End of its last window.</param>
/// <param name="Seconds">Seconds in the class (to the sample, not rounded to windows).</param>
/// <param name="EnergyJoules">Energy drawn meanwhile.</param>
public sealed record WasteEpisode(string Node, string GpuUuid, int GpuIndex, string GpuModel, string Class, string? JobId, DateTimeOffset Start, DateTimeOffset End, double Seconds, double EnergyJoules);
