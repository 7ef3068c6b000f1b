namespace Telemetry.Analytics.Costing;

/// <summary>A site: the nodes it houses, its tariff, its power usage effectiveness and the carbon intensity of its grid.</summary>
/// <example>
/// <code>
/// {
///   "name": "us-east",
///   "nodes": ["gpu-node-00*", "login-gpu-1"],
///   "currency": "USD",
///   "pue": 1.25,
///   "carbon_intensity_grams_per_kwh": 380,
///   "tariff": { "price_per_kwh": 0.11 }
/// }
/// </code>
/// </example>
public sealed class SiteOptions
{
    /// <summary>Name of the site, unique among the sites; required.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// Node names of the site: exact names or glob patterns where <c>*</c> stands for any run of characters and
    /// <c>?</c> for one, compared without regard to case. Required for a listed site; the default site has none.
    /// </summary>
    public IList<string> Nodes { get; set; } = [];

    /// <summary>ISO 4217 code of the site's tariff currency, for example <c>EUR</c>. Null (the default) takes the configuration's <see cref="CostOptions.Currency"/>.</summary>
    public string? Currency { get; set; }

    /// <summary>
    /// Power usage effectiveness: facility energy over IT energy, from 1.0 (the GPUs' energy only) to 3.0. Required.
    /// </summary>
    public double? Pue { get; set; }

    /// <summary>Carbon intensity of the site's electricity in grams of CO2e per kWh, 0 to 2000; null (the default) reports no carbon.</summary>
    public double? CarbonIntensityGramsPerKwh { get; set; }

    /// <summary>The site's electricity tariff; required.</summary>
    public TariffOptions? Tariff { get; set; }
}
