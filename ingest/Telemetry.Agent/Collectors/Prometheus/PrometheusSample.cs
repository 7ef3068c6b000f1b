namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>One sample line of a Prometheus text page.</summary>
/// <param name="Name">Metric name, as written (colons included).</param>
/// <param name="Labels">Labels in page order.</param>
/// <param name="Value">The value; NaN and infinities as doubles.</param>
/// <param name="ValueText">The value as written, for checks a double cannot make (DCGM's int64 sentinels).</param>
/// <param name="TimestampUnixMs">The optional timestamp, milliseconds since the Unix epoch.</param>
/// <param name="Line">1-based line number on the page.</param>
internal sealed record PrometheusSample(
    string Name,
    IReadOnlyList<PrometheusLabel> Labels,
    double Value,
    string ValueText,
    long? TimestampUnixMs,
    int Line)
{
    /// <summary>The value of a label, or null when the series does not have it.</summary>
    public string? Label(string name)
    {
        foreach (var label in Labels)
        {
            if (string.Equals(label.Name, name, StringComparison.Ordinal))
            {
                return label.Value;
            }
        }

        return null;
    }
}
