namespace Telemetry.Analytics.Windows;

/// <summary>A window the watermark has passed: its rows, ready for the sinks.</summary>
/// <param name="Start">Window start, Unix milliseconds.</param>
/// <param name="End">Window end (exclusive).</param>
/// <param name="Gpus">One row per GPU seen in the window.</param>
/// <param name="Jobs">One row per job active in the window.</param>
public sealed record ClosedWindow(long Start, long End, IReadOnlyList<GpuWindow> Gpus, IReadOnlyList<JobWindow> Jobs);
