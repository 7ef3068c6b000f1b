namespace Telemetry.Analytics.Costing;

/// <summary>What a GPU energy reading costs at its site.</summary>
/// <param name="ItKwh">The energy the GPUs drew, in kWh.</param>
/// <param name="FacilityKwh">The site's energy for it: <paramref name="ItKwh"/> × PUE.</param>
/// <param name="Cost">The facility energy priced at the tariff in force over the interval, in <paramref name="Currency"/>.</param>
/// <param name="Currency">ISO 4217 code of <paramref name="Cost"/>; charges in different currencies are never added together.</param>
/// <param name="Co2Kg">Kilograms of CO2e of the facility energy; null when the site has no carbon intensity.</param>
public sealed record EnergyCharge(double ItKwh, double FacilityKwh, double Cost, string Currency, double? Co2Kg);
