namespace Telemetry.Analytics.Costing;

/// <summary>A site of the cost model: what its energy costs, in which currency, with which PUE and carbon intensity.</summary>
public sealed class CostSite
{
    private readonly NodePattern[] _nodes;

    private CostSite(string name, string currency, double pue, double? carbon, Tariff tariff, NodePattern[] nodes)
    {
        Name = name;
        Currency = currency;
        Pue = pue;
        CarbonIntensityGramsPerKwh = carbon;
        Tariff = tariff;
        _nodes = nodes;
    }

    /// <summary>The site's name.</summary>
    public string Name { get; }

    /// <summary>ISO 4217 code of the site's tariff.</summary>
    public string Currency { get; }

    /// <summary>Power usage effectiveness: facility energy over IT energy.</summary>
    public double Pue { get; }

    /// <summary>Grams of CO2e per kWh of the site's electricity; null when not configured.</summary>
    public double? CarbonIntensityGramsPerKwh { get; }

    /// <summary>Whether the site's tariff changes with the local time of day and day of the week.</summary>
    public bool IsTimeOfUse => Tariff.IsTimeOfUse;

    internal Tariff Tariff { get; }

    /// <inheritdoc/>
    public override string ToString() => Name;

    /// <summary>Builds a site from settings <see cref="CostOptionsValidator"/> has accepted.</summary>
    internal static CostSite From(SiteOptions site, string defaultCurrency) => new(
        site.Name!,
        site.Currency ?? defaultCurrency,
        site.Pue!.Value,
        site.CarbonIntensityGramsPerKwh,
        Tariff.From(site.Tariff!),
        [.. site.Nodes.Select(node => new NodePattern(node))]);

    internal bool Houses(string node)
    {
        foreach (var pattern in _nodes)
        {
            if (pattern.Matches(node))
            {
                return true;
            }
        }

        return false;
    }
}
