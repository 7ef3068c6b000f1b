namespace Telemetry.Analytics.Reporting;

/// <summary>One group (a team, job, GPU model or site) over the report's range: energy, money, carbon, waste and performance per watt.</summary>
/// <param name="GroupBy">team, job, model or site.</param>
/// <param name="Group">The group's name.</param>
/// <param name="GpuHours">GPU-hours, held by jobs (team, job) or observed (model, site).</param>
/// <param name="ItKwh">Energy the GPUs drew.</param>
/// <param name="FacilityKwh">With PUE.</param>
/// <param name="EnergyCost">At the tariffs.</param>
/// <param name="Currency">Currency of the costs.</param>
/// <param name="Co2Kg">Carbon, where the site gives an intensity.</param>
/// <param name="WasteGpuHours">GPU-hours in waste classes.</param>
/// <param name="WasteShare">Waste GPU-hours over GPU-hours.</param>
/// <param name="Tokens">Tokens reported.</param>
/// <param name="TokensPerJoule">Tokens per joule of the jobs that report throughput.</param>
/// <param name="TflopsPerWatt">Estimated tensor TFLOPS per watt.</param>
/// <param name="KwhPerMillionTokens">kWh per million tokens.</param>
/// <param name="EnergyCostPerMillionTokens">Energy cost per million tokens.</param>
/// <param name="LoadedCostPerMillionTokens">Energy plus GPU-time cost per million tokens, of the jobs that report tokens.</param>
public sealed record GroupReport(
    string GroupBy,
    string Group,
    double GpuHours,
    double ItKwh,
    double FacilityKwh,
    double EnergyCost,
    string? Currency,
    double? Co2Kg,
    double WasteGpuHours,
    double WasteShare,
    long Tokens,
    double? TokensPerJoule,
    double? TflopsPerWatt,
    double? KwhPerMillionTokens,
    double? EnergyCostPerMillionTokens,
    double? LoadedCostPerMillionTokens = null);
