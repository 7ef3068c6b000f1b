namespace Telemetry.Analytics.Costing;

/// <summary>What GPU time costs apart from energy: amortized capital and hosting.</summary>
/// <param name="GpuHours">The GPU time, in GPU-hours.</param>
/// <param name="PricePerGpuHour">The model's configured cost of one GPU-hour.</param>
/// <param name="Cost"><paramref name="GpuHours"/> × <paramref name="PricePerGpuHour"/>, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code of <paramref name="Cost"/>: the configuration's currency.</param>
public sealed record GpuTimeCharge(double GpuHours, double PricePerGpuHour, double Cost, string Currency);
