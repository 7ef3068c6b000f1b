namespace Telemetry.Analytics.Tests.Influx;

/// <summary>What one InfluxQL statement names: its measurement, and the fields and tags each clause refers to.</summary>
/// <param name="Statement">SELECT or SHOW TAG VALUES.</param>
/// <param name="Measurement">The measurement after FROM, or null.</param>
/// <param name="Selected">Names read in SELECT (aliases after AS are not among them).</param>
/// <param name="Filtered">Names compared in WHERE.</param>
/// <param name="Grouped">Names grouped by in GROUP BY (time(...) is not among them).</param>
/// <param name="TagKey">The key of SHOW TAG VALUES ... WITH KEY = "key", or null.</param>
/// <param name="FiltersOnTime">Whether WHERE limits time (Grafana's $timeFilter or a condition on time).</param>
/// <param name="Problems">What could not be read, each naming the part of the query.</param>
internal sealed record InfluxQlReferences(
    string Statement,
    string? Measurement,
    IReadOnlyList<SelectedName> Selected,
    IReadOnlyList<string> Filtered,
    IReadOnlyList<string> Grouped,
    string? TagKey,
    bool FiltersOnTime,
    IReadOnlyList<string> Problems)
{
    public const string Select = "SELECT";
    public const string ShowTagValues = "SHOW TAG VALUES";

    public static InfluxQlReferences Unreadable(string problem) => new("", null, [], [], [], null, false, [problem]);
}
