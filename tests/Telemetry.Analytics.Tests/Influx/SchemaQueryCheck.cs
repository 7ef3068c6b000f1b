using Telemetry.Analytics.Influx;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>
/// Checks a dashboard's InfluxQL query against <see cref="InfluxSchema"/>: InfluxDB answers a query that names a
/// measurement, field or tag nobody writes with an empty result, not an error, so a misspelling shows as a blank panel.
/// </summary>
internal static class SchemaQueryCheck
{
    // The selectors and aggregates that accept strings; the rest need numbers.
    private static readonly HashSet<string> TextFunctions = new(StringComparer.Ordinal) { "count", "distinct", "first", "last", "mode", "sample" };

    /// <summary>What is wrong with the query, one sentence each; empty when it names only what the sink writes.</summary>
    public static IReadOnlyList<string> Problems(string query)
    {
        var references = InfluxQlReferenceExtractor.Extract(query);
        var problems = new List<string>(references.Problems);
        if (references.Measurement is null)
        {
            return problems;
        }

        var measurement = InfluxSchema.Find(references.Measurement);
        if (measurement is null)
        {
            problems.Add($"measurement \"{references.Measurement}\" is not one the sink writes ({string.Join(", ", InfluxSchema.All.Select(m => m.Name))})");
            return problems;
        }

        problems.AddRange(references.Selected.SelectMany(s => SelectedProblems(measurement, s)));
        problems.AddRange(references.Filtered
            .Where(name => !measurement.HasTag(name) && measurement.Field(name) is null)
            .Select(name => $"WHERE compares \"{name}\", which is neither a tag nor a field of {measurement.Name}"));
        problems.AddRange(references.Grouped.Where(name => !measurement.HasTag(name)).Select(name => measurement.Field(name) is null
            ? $"GROUP BY \"{name}\": {measurement.Name} has no such tag"
            : $"GROUP BY \"{name}\": a field of {measurement.Name}, and only tags group"));
        if (references.TagKey is { } key && !measurement.HasTag(key))
        {
            problems.Add(measurement.Field(key) is null
                ? $"SHOW TAG VALUES WITH KEY = \"{key}\": {measurement.Name} has no such tag"
                : $"SHOW TAG VALUES WITH KEY = \"{key}\": a field of {measurement.Name}, not a tag, so it has no tag values");
        }

        if (references.Statement == InfluxQlReferences.Select)
        {
            if (!references.Selected.Any(s => measurement.Field(s.Name) is not null))
            {
                problems.Add($"SELECT reads no field of {measurement.Name}");
            }

            if (!references.FiltersOnTime)
            {
                problems.Add("WHERE has no $timeFilter: the query would read the whole history");
            }
        }

        return problems;
    }

    private static IEnumerable<string> SelectedProblems(InfluxMeasurement measurement, SelectedName selected)
    {
        var field = measurement.Field(selected.Name);
        if (field is null && measurement.HasTag(selected.Name))
        {
            // InfluxQL returns a tag selected next to a field as a column; inside a function a tag reads as nothing.
            if (selected.Function is not null)
            {
                yield return $"{selected.Function}(\"{selected.Name}\"): a tag of {measurement.Name}, not a field";
            }
        }
        else if (field is null)
        {
            yield return $"SELECT reads \"{selected.Name}\", which is not a field of {measurement.Name}";
        }
        else if (field.Type == InfluxFieldType.Text && selected.Function is { } function && !TextFunctions.Contains(function))
        {
            yield return $"{function}(\"{selected.Name}\"): a text field of {measurement.Name}, and {function}() needs numbers";
        }
    }
}
