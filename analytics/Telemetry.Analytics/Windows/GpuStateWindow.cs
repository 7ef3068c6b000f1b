namespace Telemetry.Analytics.Windows;

/// <summary>The time and energy one GPU spent in one state over one closed window (additive across windows).</summary>
/// <param name="WindowStart">Window start, Unix ms.</param>
/// <param name="WindowEnd">Window end, Unix ms.</param>
/// <param name="Node">Node.</param>
/// <param name="GpuUuid">GPU UUID.</param>
/// <param name="GpuIndex">GPU index.</param>
/// <param name="MigInstance">MIG instance, or null.</param>
/// <param name="GpuModel">GPU model.</param>
/// <param name="JobId">The job that held the GPU last in the window, or null.</param>
/// <param name="State">The state's name (productive, allocated-idle, memory-parked, zombie, unallocated-idle, unallocated-busy, throttled).</param>
/// <param name="Seconds">Seconds in the state.</param>
/// <param name="EnergyJoules">Energy drawn meanwhile.</param>
public sealed record GpuStateWindow(long WindowStart, long WindowEnd, string Node, string GpuUuid, int GpuIndex, int? MigInstance, string GpuModel, string? JobId, string State, double Seconds, double EnergyJoules);
