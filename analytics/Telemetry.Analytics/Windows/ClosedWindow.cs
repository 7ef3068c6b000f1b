namespace Telemetry.Analytics.Windows;

/// <summary>
/// A window the watermark has passed: its rows, ready for the sinks. The aggregator's GPU and state rows hold every
/// figure computed at the close and make each row object when it is first read (by the sink that reads first, on its
/// own thread), so closing a window at 450,000 GPUs does not stop the consumer to allocate half a million objects.
/// </summary>
/// <param name="Start">Window start, Unix milliseconds.</param>
/// <param name="End">Window end (exclusive).</param>
/// <param name="Gpus">One row per GPU seen in the window.</param>
/// <param name="Jobs">One row per job active in the window.</param>
/// <param name="States">Per GPU, the seconds and energy in each state.</param>
/// <param name="Fleet">The fleet's totals, with the energy conservation terms.</param>
/// <param name="Sources">The Kafka partitions and offset ranges the window was built from, by topic and partition.</param>
public sealed record ClosedWindow(long Start, long End, IReadOnlyList<GpuWindow> Gpus, IReadOnlyList<JobWindow> Jobs, IReadOnlyList<GpuStateWindow>? States = null, FleetWindow? Fleet = null, IReadOnlyList<WindowSource>? Sources = null);
