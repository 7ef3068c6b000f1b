namespace Telemetry.Analytics.Gpus;

/// <summary>What the analytics know of a GPU model.</summary>
/// <param name="Match">Text the product name contains.</param>
/// <param name="PeakDenseBf16Tflops">Peak dense BF16 tensor throughput at the maximum SM clock.</param>
/// <param name="MaxSmClockMhz">Maximum SM clock, used when samples lack it.</param>
/// <param name="IdleWatts">Typical idle board power, for reference.</param>
/// <param name="TdpWatts">Board power limit (TDP).</param>
/// <param name="Source">Where the figures come from.</param>
public sealed record GpuModelPeak(string Match, double PeakDenseBf16Tflops, double MaxSmClockMhz, double? IdleWatts = null, double? TdpWatts = null, string? Source = null);
