using System.Globalization;
using System.Text.Json;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Queries;

namespace Telemetry.Cli.Bench;

/// <summary>How many points an InfluxDB server holds in a span of time, asked in InfluxQL through the URL written to.</summary>
internal static class InfluxPointCount
{
    /// <summary>
    /// Points with timestamps in [<paramref name="fromMs"/>, <paramref name="toMs"/>), over every measurement of
    /// <see cref="InfluxSchema"/>: the count of each measurement's first field, which every point of it carries.
    /// </summary>
    public static async Task<long> BetweenAsync(InfluxQlClient influxQl, long fromMs, long toMs, CancellationToken cancellationToken)
    {
        // One field per measurement: influxd 1.x takes seconds over count(*) of every field of every series.
        var query = string.Join("; ", InfluxSchema.All.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"SELECT count(\"{m.Fields[0].Name}\") FROM \"{m.Name}\" WHERE time >= {fromMs}ms AND time < {toMs}ms")));
        var series = await influxQl.QueryAsync(query, cancellationToken).ConfigureAwait(false);
        return series.Sum(s => s.Rows.Sum(row => row.Length > 1 && row[1].ValueKind == JsonValueKind.Number ? row[1].GetInt64() : 0));
    }
}
