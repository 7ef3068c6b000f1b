using System.Text.Json;

namespace Telemetry.Testing.Influx;

/// <summary>One series of an InfluxQL answer: a measurement (and tag set, under GROUP BY) with its rows.</summary>
/// <param name="Name">The measurement.</param>
/// <param name="Tags">The series' tags under GROUP BY; empty otherwise (tags are then columns).</param>
/// <param name="Columns">The column names, <c>time</c> first.</param>
/// <param name="Rows">
/// Each row as a JSON array in column order, kept as influxd wrote it: <c>row.GetRawText()</c> reads
/// <c>[1700000000000,1.5,"node-1",null]</c>. Times are epoch milliseconds. Integer and float fields both come as JSON
/// numbers, and a float with no fraction has no decimal point (1.0 reads <c>1</c>).
/// </param>
public sealed record InfluxSeries(string Name, IReadOnlyDictionary<string, string> Tags, IReadOnlyList<string> Columns, IReadOnlyList<JsonElement> Rows)
{
    /// <summary>The value in one row under one column.</summary>
    /// <exception cref="ArgumentException">The series has no such column.</exception>
    public JsonElement Value(int row, string column)
    {
        for (var index = 0; index < Columns.Count; index++)
        {
            if (Columns[index] == column)
            {
                return Rows[row][index];
            }
        }

        throw new ArgumentException($"Series '{Name}' has no column '{column}'; it has {string.Join(", ", Columns)}.", nameof(column));
    }
}
