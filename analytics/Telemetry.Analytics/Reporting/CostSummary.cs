namespace Telemetry.Analytics.Reporting;

/// <summary>The fleet's energy bill in one currency (sites in other currencies get lines of their own; nothing is converted).</summary>
/// <param name="Currency">ISO currency code.</param>
/// <param name="ItKwh">Energy the GPUs drew.</param>
/// <param name="FacilityKwh">With the sites' PUE.</param>
/// <param name="EnergyCost">At the sites' tariffs.</param>
/// <param name="Co2Kg">At the sites' grid carbon intensity, where given.</param>
/// <param name="WasteEnergyCost">Of that, the cost of energy drawn in waste classes.</param>
/// <param name="WasteCapacityCost">The hourly price of the GPU time spent in waste classes.</param>
public sealed record CostSummary(string Currency, double ItKwh, double FacilityKwh, double EnergyCost, double? Co2Kg, double WasteEnergyCost, double WasteCapacityCost);
