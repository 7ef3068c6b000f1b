using System.Text.Json;
using System.Text.RegularExpressions;

namespace Telemetry.Testing.Metrics;

/// <summary>
/// The PromQL of infra/grafana/dashboards/self-metrics.json, read for the series it selects: each metric name with the
/// exact label matchers (<c>label="value"</c>) beside it, so that a test can hold them against a real scrape.
/// </summary>
public static partial class SelfMetricsDashboard
{
    /// <summary>The dashboard's path under the repository root.</summary>
    public const string RelativePath = "infra/grafana/dashboards/self-metrics.json";

    /// <summary>Every PromQL expression of every panel target.</summary>
    public static IReadOnlyList<string> Expressions()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryRoot(), RelativePath)));
        var expressions = new List<string>();
        Collect(document.RootElement, expressions);
        return expressions;
    }

    /// <summary>The series the expressions select whose names start with <paramref name="prefix"/>: name and exact label matchers.</summary>
    public static IReadOnlyList<(string Name, (string Label, string Value)[] Labels)> Selectors(string prefix) =>
        [.. Expressions().SelectMany(e => Selector().Matches(e))
            .Where(m => m.Groups["name"].Value.StartsWith(prefix, StringComparison.Ordinal))
            .Select(m => (m.Groups["name"].Value, Matchers().Matches(m.Groups["labels"].Value).Select(l => (l.Groups[1].Value, l.Groups[2].Value)).ToArray()))];

    /// <summary>
    /// What the dashboard selects of the families named <paramref name="prefix"/>… that <paramref name="scrape"/> does not
    /// serve, and the families it serves that no panel selects. <paramref name="expected"/> leaves out selectors of
    /// series the scraped process cannot serve in its configuration.
    /// </summary>
    public static (IReadOnlyList<string> Missing, IReadOnlyList<string> Unshown) Compare(PrometheusScrape scrape, string prefix, Func<string, bool>? expected = null)
    {
        ArgumentNullException.ThrowIfNull(scrape);
        var selectors = Selectors(prefix).Where(s => expected?.Invoke(s.Name) ?? true).ToList();
        if (selectors.Count == 0)
        {
            return ([$"no panel selects a {prefix}* series"], []);
        }

        return (
            [.. selectors.Where(s => !scrape.Has(s.Name, s.Labels)).Select(s => $"{s.Name} {string.Join(",", s.Labels)}")],
            [.. scrape.Names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).Except(selectors.Select(s => s.Name))]);
    }

    private static void Collect(JsonElement element, List<string> expressions)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "expr" && property.Value.ValueKind == JsonValueKind.String)
                {
                    expressions.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, expressions);
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, expressions);
            }
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Telemetry.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"no folder above {AppContext.BaseDirectory} holds Telemetry.sln");
    }

    [GeneratedRegex(@"(?<name>telemetry_[a-z_]+)(\{(?<labels>[^}]*)\})?")]
    private static partial Regex Selector();

    // Only exact matchers: a regular-expression matcher (=~) selects by pattern, and "job" is Prometheus's own label.
    [GeneratedRegex(@"\b(?!job\b)([a-z_]+)=""([^""]*)""")]
    private static partial Regex Matchers();
}
