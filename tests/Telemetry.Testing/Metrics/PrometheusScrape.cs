using System.Globalization;

namespace Telemetry.Testing.Metrics;

/// <summary>One scrape of a Prometheus text-format endpoint, read back into samples by name and labels.</summary>
public sealed class PrometheusScrape
{
    private readonly Dictionary<string, double> _samples;

    private PrometheusScrape(Dictionary<string, double> samples, string text)
    {
        _samples = samples;
        Text = text;
    }

    /// <summary>The page as served.</summary>
    public string Text { get; }

    /// <summary>GETs <paramref name="url"/> and parses it.</summary>
    public static async Task<PrometheusScrape> GetAsync(HttpClient http, Uri url)
    {
        var text = await http.GetStringAsync(url);
        return Parse(text);
    }

    /// <summary>Parses the text format: <c>name{label="value",...} number</c> lines; comments skipped.</summary>
    public static PrometheusScrape Parse(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (line.StartsWith('#'))
            {
                continue;
            }

            var split = line.LastIndexOf(' ');
            samples[line[..split]] = double.Parse(line[(split + 1)..], CultureInfo.InvariantCulture);
        }

        return new PrometheusScrape(samples, text);
    }

    /// <summary>The names of every series served.</summary>
    public IReadOnlySet<string> Names => _samples.Keys.Select(Name).ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a series of <paramref name="name"/> carries every one of these labels.</summary>
    public bool Has(string name, params (string Label, string Value)[] labels) =>
        _samples.Keys.Any(s => Name(s) == name && labels.All(l => s.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal)));

    /// <summary>The value of the series <paramref name="name"/> with these labels (others it carries ignored), or null.</summary>
    public double? Value(string name, params (string Label, string Value)[] labels)
    {
        var matches = _samples.Where(s => Name(s.Key) == name && labels.All(l => s.Key.Contains($"{l.Label}=\"{l.Value}\"", StringComparison.Ordinal))).ToList();
        return matches.Count switch
        {
            0 => null,
            1 => matches[0].Value,
            _ => throw new InvalidOperationException($"{matches.Count} series of {name} match; name more labels"),
        };
    }

    /// <summary>The value, as a whole number, failing the caller's assertion with the page when the series is missing.</summary>
    public long Count(string name, params (string Label, string Value)[] labels) =>
        Value(name, labels) is { } value ? (long)value : throw new InvalidOperationException($"No series {name} {string.Join(",", labels)} in:\n{Text}");

    private static string Name(string key) => key.IndexOf('{', StringComparison.Ordinal) is var brace and >= 0 ? key[..brace] : key;
}
