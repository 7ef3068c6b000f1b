namespace Telemetry.Analytics.Costing;

/// <summary>
/// The hourly cost of a GPU model apart from its energy (amortized capital and hosting), in the configuration's
/// <see cref="CostOptions.Currency"/>.
/// </summary>
/// <example><c>{ "match": "H100", "price_per_gpu_hour": 2.10 }</c></example>
public sealed class GpuModelCostOptions
{
    /// <summary>Text the GPU's product name contains, compared without regard to case, for example <c>H100</c>; required.</summary>
    public string? Match { get; set; }

    /// <summary>Cost of one GPU-hour of this model; required, not negative.</summary>
    public double? PricePerGpuHour { get; set; }
}
