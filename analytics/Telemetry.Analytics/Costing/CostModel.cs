namespace Telemetry.Analytics.Costing;

/// <summary>
/// Prices GPU energy and GPU time: finds a node's site, prices its energy at the site's tariff with its PUE and carbon
/// intensity, and prices GPU-hours by model. Built from validated <see cref="CostOptions"/>; immutable and thread-safe.
/// </summary>
public sealed class CostModel
{
    private const double JoulesPerKwh = 3_600_000;
    private const double SecondsPerHour = 3600;

    private readonly CostSite[] _sites;
    private readonly (string Match, double PricePerGpuHour)[] _gpuModels;

    /// <summary>A cost model for a configuration, which is validated first.</summary>
    /// <exception cref="CostConfigurationException">The configuration has a problem; the message lists each one by its JSON path.</exception>
    public CostModel(CostOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Currency = options.Currency!;
        _sites = [.. options.Sites.Select(site => CostSite.From(site, Currency))];
        DefaultSite = CostSite.From(options.DefaultSite!, Currency);
        _gpuModels = [.. options.GpuModels.Select(model => (model.Match!, model.PricePerGpuHour!.Value))];
    }

    /// <summary>ISO 4217 code of GPU-hour costs.</summary>
    public string Currency { get; }

    /// <summary>The listed sites, in the order nodes are matched against them.</summary>
    public IReadOnlyList<CostSite> Sites => _sites;

    /// <summary>The site of nodes no listed site matches.</summary>
    public CostSite DefaultSite { get; }

    /// <summary>
    /// The model of <see cref="CostOptions.Default"/>: illustrative defaults (flat 0.12 USD per kWh, PUE 1.3, 400 g CO2e
    /// per kWh; H100 and H200 at 2.50 USD per GPU-hour, B200 at 4.00, A100 at 1.20), used when no cost configuration is
    /// given and meant to be replaced by the operator's own tariffs and prices.
    /// </summary>
    public static CostModel Default() => new(CostOptions.Default());

    /// <summary>The model of a configuration file; see <see cref="CostOptions.Load"/>.</summary>
    /// <exception cref="CostConfigurationException">The file cannot be read or has a problem; the message names the file.</exception>
    public static CostModel Load(string path) => new(CostOptions.Load(path));

    /// <summary>The site of a node: the first listed site with a matching name or pattern, else <see cref="DefaultSite"/>.</summary>
    public CostSite SiteOf(string node)
    {
        ArgumentNullException.ThrowIfNull(node);
        foreach (var site in _sites)
        {
            if (site.Houses(node))
            {
                return site;
            }
        }

        return DefaultSite;
    }

    /// <summary>
    /// Prices energy the GPUs of a site drew over [<paramref name="intervalStart"/>, <paramref name="intervalEnd"/>).
    /// The energy is taken as spread evenly over the interval and each part is priced at the tariff in force then, split
    /// exactly where a time-of-use period starts or ends in the site's local time (daylight saving time included).
    /// Facility energy is the IT energy × PUE; CO2e is facility kWh × carbon intensity.
    /// </summary>
    /// <param name="site">The site, from this model's <see cref="SiteOf"/>.</param>
    /// <param name="energyJoules">The GPUs' (IT) energy, zero or more.</param>
    /// <param name="intervalStart">Start of the interval, inclusive.</param>
    /// <param name="intervalEnd">End of the interval, exclusive; equal to the start to price everything at the start's tariff.</param>
    public EnergyCharge EnergyCost(CostSite site, double energyJoules, DateTimeOffset intervalStart, DateTimeOffset intervalEnd)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (site != DefaultSite && Array.IndexOf(_sites, site) < 0)
        {
            throw new ArgumentException($"Site '{site.Name}' belongs to another cost model; take the site from this model's SiteOf.", nameof(site));
        }

        if (!(energyJoules >= 0 && double.IsFinite(energyJoules)))
        {
            throw new ArgumentOutOfRangeException(nameof(energyJoules), energyJoules, "Energy must be a finite number of joules, zero or more.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(intervalEnd, intervalStart);
        var itKwh = energyJoules / JoulesPerKwh;
        var facilityKwh = itKwh * site.Pue;
        var cost = facilityKwh * site.Tariff.MeanPrice(intervalStart, intervalEnd);
        var co2Kg = site.CarbonIntensityGramsPerKwh is { } grams ? facilityKwh * grams / 1000 : (double?)null;
        return new EnergyCharge(itKwh, facilityKwh, cost, site.Currency, co2Kg);
    }

    /// <summary>
    /// Prices GPU time of a model apart from energy, at the first configured model its product name contains
    /// (ignoring case); null when no configured model matches, as the cost of that GPU is then unknown.
    /// </summary>
    /// <param name="model">The GPU's product name, for example <c>NVIDIA H100 80GB HBM3</c>.</param>
    /// <param name="gpuSeconds">The GPU time in GPU-seconds, zero or more.</param>
    public GpuTimeCharge? GpuTimeCost(string model, double gpuSeconds)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(gpuSeconds >= 0 && double.IsFinite(gpuSeconds)))
        {
            throw new ArgumentOutOfRangeException(nameof(gpuSeconds), gpuSeconds, "GPU time must be a finite number of GPU-seconds, zero or more.");
        }

        foreach (var (match, price) in _gpuModels)
        {
            if (model.Contains(match, StringComparison.OrdinalIgnoreCase))
            {
                var hours = gpuSeconds / SecondsPerHour;
                return new GpuTimeCharge(hours, price, hours * price, Currency);
            }
        }

        return null;
    }
}
