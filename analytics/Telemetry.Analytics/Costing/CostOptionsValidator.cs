using System.Globalization;

namespace Telemetry.Analytics.Costing;

/// <summary>
/// Checks a <see cref="CostOptions"/> and lists every problem, each led by the JSON path of its setting and ending in
/// the fix, so that one run of the operator's editor fixes them all.
/// </summary>
internal sealed class CostOptionsValidator
{
    private const double MinPue = 1.0;
    private const double MaxPue = 3.0;
    private const double MaxCarbonGramsPerKwh = 2000;

    private readonly List<string> _problems = [];

    public static IReadOnlyList<string> Problems(CostOptions options)
    {
        var validator = new CostOptionsValidator();
        validator.Check(options);
        return validator._problems;
    }

    /// <summary>Adds a problem, formatting its numbers invariantly.</summary>
    internal void Add(string path, FormattableString problem) =>
        _problems.Add(path + " " + problem.ToString(CultureInfo.InvariantCulture));

    private static bool IsCurrencyCode(string? code) => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);

    private void Check(CostOptions options)
    {
        CheckCurrency("currency", options.Currency, required: true);
        CheckSites(options.Sites);
        if (options.DefaultSite is null)
        {
            Add("default_site", $"is missing; add the site of nodes no listed site matches, for example {{ \"name\": \"default\", \"pue\": 1.3, \"tariff\": {{ \"price_per_kwh\": 0.12 }} }}");
        }
        else
        {
            CheckSite("default_site", options.DefaultSite, isDefault: true);
        }

        new GpuModelCostValidator(this).Check(options.GpuModels);
    }

    private void CheckSites(IList<SiteOptions> sites)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < sites.Count; i++)
        {
            var path = $"sites[{i}]";
            if (sites[i] is not { } site)
            {
                Add(path, $"is null; remove it or write the site's settings");
                continue;
            }

            CheckSite(path, site, isDefault: false);
            if (site.Name is { } name && !names.TryAdd(name, i))
            {
                Add(path + ".name", $"'{name}' is also the name of sites[{names[name]}]; give each site its own name");
            }
        }
    }

    private void CheckSite(string path, SiteOptions site, bool isDefault)
    {
        if (string.IsNullOrWhiteSpace(site.Name))
        {
            Add(path + ".name", $"is missing; name the site, for example \"frankfurt\"");
        }

        CheckNodes(path + ".nodes", site.Nodes, isDefault);
        CheckCurrency(path + ".currency", site.Currency, required: false);
        CheckPue(path + ".pue", site.Pue);
        CheckCarbon(path + ".carbon_intensity_grams_per_kwh", site.CarbonIntensityGramsPerKwh);
        new TariffValidator(this).Check(path + ".tariff", site.Tariff);
    }

    private void CheckNodes(string path, IList<string> nodes, bool isDefault)
    {
        if (isDefault && nodes.Count > 0)
        {
            Add(path, $"lists nodes; remove them: the default site takes every node no listed site matches");
        }
        else if (!isDefault && nodes.Count == 0)
        {
            Add(path, $"is empty; list the site's node names or patterns, for example [\"gpu-node-0*\"]");
        }

        for (var i = 0; i < nodes.Count && !isDefault; i++)
        {
            if (string.IsNullOrWhiteSpace(nodes[i]))
            {
                Add($"{path}[{i}]", $"is empty; write a node name or a pattern with * and ?");
            }
        }
    }

    private void CheckCurrency(string path, string? code, bool required)
    {
        if (code is null)
        {
            if (required)
            {
                Add(path, $"is missing; write the ISO 4217 code of the currency, for example \"USD\"");
            }
        }
        else if (!IsCurrencyCode(code))
        {
            Add(path, $"'{code}' is not an ISO 4217 currency code; write three capital letters, for example \"USD\" or \"EUR\"");
        }
    }

    private void CheckPue(string path, double? pue)
    {
        if (pue is null)
        {
            Add(path, $"is missing; set the site's power usage effectiveness (facility energy over IT energy), from {MinPue:0.0} to {MaxPue:0.0}");
        }
        else if (!(pue >= MinPue && pue <= MaxPue))
        {
            Add(path, $"{pue} is outside {MinPue:0.0} to {MaxPue:0.0}; set the site's facility energy over its IT energy, 1.0 to count the GPUs' energy only");
        }
    }

    private void CheckCarbon(string path, double? grams)
    {
        if (grams is { } value && !(value >= 0 && value <= MaxCarbonGramsPerKwh))
        {
            Add(path, $"{value} is outside 0 to {MaxCarbonGramsPerKwh}; give grams of CO2e per kWh (not kilograms or per MWh), or remove it");
        }
    }
}
