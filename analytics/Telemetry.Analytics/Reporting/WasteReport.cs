namespace Telemetry.Analytics.Reporting;

/// <summary>Time a GPU spent in one waste class over the report's range.</summary>
/// <param name="Node">Node.</param>
/// <param name="GpuUuid">GPU UUID.</param>
/// <param name="GpuIndex">GPU index on the node.</param>
/// <param name="GpuModel">GPU model.</param>
/// <param name="Class">allocated-idle, memory-parked, zombie or unallocated-idle.</param>
/// <param name="JobId">The job that held it, for the allocated classes.</param>
/// <param name="Hours">Hours in the class.</param>
/// <param name="EnergyKwh">Energy drawn meanwhile.</param>
/// <param name="EnergyCost">What the energy cost at the site's tariff and PUE.</param>
/// <param name="CapacityCost">What the GPU's time cost at its model's hourly price (null when unpriced).</param>
/// <param name="Currency">Currency of both.</param>
public sealed record WasteReport(string Node, string GpuUuid, int GpuIndex, string GpuModel, string Class, string? JobId, double Hours, double EnergyKwh, double EnergyCost = 0, double? CapacityCost = null, string? Currency = null);
