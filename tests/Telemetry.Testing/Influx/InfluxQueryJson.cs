using System.Text.Json;

namespace Telemetry.Testing.Influx;

/// <summary>Reads influxd 1.x's JSON answer to <c>/query</c>.</summary>
internal static class InfluxQueryJson
{
    /// <summary>The series of every statement, in order.</summary>
    /// <exception cref="InvalidOperationException">A statement failed; influxd answers that with 200 and an <c>error</c> inside.</exception>
    public static IReadOnlyList<InfluxSeries> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var series = new List<InfluxSeries>();
        foreach (var result in document.RootElement.GetProperty("results").EnumerateArray())
        {
            if (result.TryGetProperty("error", out var error))
            {
                throw new InvalidOperationException($"InfluxQL statement failed: {error.GetString()}");
            }

            if (result.TryGetProperty("series", out var items))
            {
                series.AddRange(items.EnumerateArray().Select(ReadSeries));
            }
        }

        return series;
    }

    private static InfluxSeries ReadSeries(JsonElement series)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        if (series.TryGetProperty("tags", out var tagObject))
        {
            foreach (var tag in tagObject.EnumerateObject())
            {
                tags[tag.Name] = tag.Value.GetString() ?? "";
            }
        }

        var columns = series.GetProperty("columns").EnumerateArray().Select(c => c.GetString() ?? "").ToList();
        var rows = series.TryGetProperty("values", out var values)
            ? values.EnumerateArray().Select(row => row.Clone()).ToList()
            : [];
        return new InfluxSeries(series.GetProperty("name").GetString() ?? "", tags, columns, rows);
    }
}
