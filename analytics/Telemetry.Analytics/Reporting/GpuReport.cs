namespace Telemetry.Analytics.Reporting;

/// <summary>One GPU over the report's range: what it drew, what it did, and its performance per watt.</summary>
/// <param name="Node">Node.</param>
/// <param name="GpuUuid">GPU UUID.</param>
/// <param name="GpuIndex">GPU index.</param>
/// <param name="MigInstance">MIG instance, or null.</param>
/// <param name="GpuModel">Model.</param>
/// <param name="Hours">Hours covered by samples.</param>
/// <param name="EnergyKwh">Energy drawn.</param>
/// <param name="Utilization">Busy share of the covered time.</param>
/// <param name="TflopsPerWatt">Estimated tensor TFLOPS per watt, null without tensor activity.</param>
/// <param name="WasteHours">Hours in waste classes.</param>
/// <param name="FacilityKwh">Energy with the site's PUE.</param>
/// <param name="EnergyCost">At the site's tariff.</param>
/// <param name="Currency">Currency of the cost.</param>
/// <param name="Co2Kg">Carbon, where the site gives an intensity.</param>
public sealed record GpuReport(string Node, string GpuUuid, int GpuIndex, int? MigInstance, string GpuModel, double Hours, double EnergyKwh, double Utilization, double? TflopsPerWatt, double WasteHours, double FacilityKwh = 0, double EnergyCost = 0, string? Currency = null, double? Co2Kg = null);
