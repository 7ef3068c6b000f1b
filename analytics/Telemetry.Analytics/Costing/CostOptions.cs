namespace Telemetry.Analytics.Costing;

/// <summary>
/// The cost model's configuration: sites with their tariffs, PUE and carbon intensity, the site of nodes no site
/// claims, and the hourly cost of each GPU model. It is read from a JSON file with snake_case names
/// (<see cref="Load"/>) and checked by <see cref="Validate"/>, which names each bad setting by its JSON path.
/// </summary>
/// <remarks>
/// Sites may bill in different currencies. Every charge carries its currency and costs are summed per currency, never
/// converted: a report over sites in USD and EUR shows two totals. GPU-hour costs are in <see cref="Currency"/>.
/// </remarks>
/// <example>
/// <code>
/// {
///   "currency": "USD",
///   "sites": [
///     {
///       "name": "us-east", "nodes": ["gpu-node-00*"], "pue": 1.25, "carbon_intensity_grams_per_kwh": 380,
///       "tariff": { "price_per_kwh": 0.11 }
///     },
///     {
///       "name": "frankfurt", "nodes": ["gpu-node-01*"], "currency": "EUR", "pue": 1.35, "carbon_intensity_grams_per_kwh": 350,
///       "tariff": {
///         "time_zone": "Europe/Berlin", "price_per_kwh": 0.19,
///         "periods": [ { "days": ["weekdays"], "from": "08:00", "to": "20:00", "price_per_kwh": 0.31 } ]
///       }
///     }
///   ],
///   "default_site": { "name": "colo", "pue": 1.4, "tariff": { "price_per_kwh": 0.14 } },
///   "gpu_models": [ { "match": "H100", "price_per_gpu_hour": 2.10 }, { "match": "B200", "price_per_gpu_hour": 4.00 } ]
/// }
/// </code>
/// </example>
public sealed class CostOptions
{
    /// <summary>Largest configuration file <see cref="Load"/> reads: 1 MiB.</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>ISO 4217 code of the GPU-hour costs and of every site that names no currency; required.</summary>
    public string? Currency { get; set; }

    /// <summary>The sites, in order: a node belongs to the first site with a matching name or pattern.</summary>
    public IList<SiteOptions> Sites { get; set; } = [];

    /// <summary>The site of every node no listed site matches; required, and lists no nodes.</summary>
    public SiteOptions? DefaultSite { get; set; }

    /// <summary>
    /// Hourly cost of each GPU model, in order: a GPU takes the first entry whose <see cref="GpuModelCostOptions.Match"/>
    /// its product name contains, so more specific entries (<c>H100 PCIe</c>) come before general ones (<c>H100</c>).
    /// </summary>
    public IList<GpuModelCostOptions> GpuModels { get; set; } = [];

    /// <summary>
    /// An illustrative configuration, to be replaced by the operator's own: one site for every node, billed flat at
    /// 0.12 USD per kWh with a PUE of 1.3 and 400 g CO2e per kWh; H100 and H200 at 2.50 USD per GPU-hour, B200 at
    /// 4.00 and A100 at 1.20.
    /// </summary>
    public static CostOptions Default() => new()
    {
        Currency = "USD",
        DefaultSite = new SiteOptions
        {
            Name = "default",
            Pue = 1.3,
            CarbonIntensityGramsPerKwh = 400,
            Tariff = new TariffOptions { PricePerKwh = 0.12 },
        },
        GpuModels =
        [
            new GpuModelCostOptions { Match = "H100", PricePerGpuHour = 2.50 },
            new GpuModelCostOptions { Match = "H200", PricePerGpuHour = 2.50 },
            new GpuModelCostOptions { Match = "B200", PricePerGpuHour = 4.00 },
            new GpuModelCostOptions { Match = "A100", PricePerGpuHour = 1.20 },
        ],
    };

    /// <summary>
    /// Reads a configuration file of at most <see cref="MaxFileBytes"/> and validates it.
    /// </summary>
    /// <param name="path">The JSON file.</param>
    /// <exception cref="CostConfigurationException">
    /// The file is missing, too large, not valid JSON of this shape, or fails <see cref="Validate"/>; the message names
    /// the file and each problem.
    /// </exception>
    public static CostOptions Load(string path) => CostFile.Load(path);

    /// <summary>Throws when a setting is missing or out of range, listing every problem with its JSON path and the fix.</summary>
    /// <exception cref="CostConfigurationException">At least one setting is wrong.</exception>
    public void Validate() => ThrowIfInvalid("cost configuration");

    internal void ThrowIfInvalid(string source)
    {
        var problems = CostOptionsValidator.Problems(this);
        if (problems.Count > 0)
        {
            throw new CostConfigurationException(source, problems);
        }
    }
}
