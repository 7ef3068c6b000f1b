using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Writes;

namespace Telemetry.Analytics.Influx;

/// <summary>
/// Builds one point of a measurement the schema describes, refusing what line protocol cannot carry safely: a field
/// that is NaN or infinite is left out and counted (InfluxDB rejects such values and the client would drop them
/// silently), and a tag value with a backslash or a control character makes the point a rejected one with the reason
/// (line protocol has no escape for a newline in a tag, and a trailing backslash would escape the separator after
/// it, so either could inject another tag or point). Commas, spaces and equals signs are escaped by the client.
/// </summary>
internal sealed class InfluxPointBuilder
{
    private readonly InfluxMeasurement _measurement;
    // The client's mutable builder: PointData itself copies the whole point for every tag and field added.
    private readonly PointData.Builder _point;
    private string? _problem;
    private bool _hasFields;

    public InfluxPointBuilder(InfluxMeasurement measurement, long timestampUnixMs)
    {
        _measurement = measurement;
        _point = PointData.Builder.Measurement(measurement.Name).Timestamp(timestampUnixMs, WritePrecision.Ms);
    }

    /// <summary>Fields left out because their value was NaN or infinite.</summary>
    public int NonFinite { get; private set; }

    public InfluxPointBuilder Tag(string key, string? value)
    {
        Expect(_measurement.HasTag(key), key);
        if (string.IsNullOrEmpty(value))
        {
            return this;
        }

        if (TagProblem(value) is { } problem)
        {
            _problem ??= $"tag '{key}' value '{Printable(value)}' {problem}";
            return this;
        }

        _point.Tag(key, value);
        return this;
    }

    public InfluxPointBuilder Field(string key, double? value)
    {
        Expect(_measurement.Field(key)?.Type == InfluxFieldType.Number, key);
        if (value is not { } number)
        {
            return this;
        }

        if (!double.IsFinite(number))
        {
            NonFinite++;
            return this;
        }

        _point.Field(key, number);
        _hasFields = true;
        return this;
    }

    public InfluxPointBuilder Field(string key, long? value)
    {
        Expect(_measurement.Field(key)?.Type == InfluxFieldType.Whole, key);
        if (value is { } whole)
        {
            _point.Field(key, whole);
            _hasFields = true;
        }

        return this;
    }

    public InfluxPointBuilder Field(string key, string? value)
    {
        Expect(_measurement.Field(key)?.Type == InfluxFieldType.Text, key);
        if (value is not null)
        {
            // Quotes and backslashes are escaped by the client; a newline inside a quoted string is part of the value.
            _point.Field(key, value);
            _hasFields = true;
        }

        return this;
    }

    /// <summary>The point, or the reason it cannot be written (null point); null for both when it has no field left.</summary>
    public (PointData? Point, string? Problem) Build() =>
        _problem is not null ? (null, $"{_measurement.Name}: {_problem}")
        : _hasFields ? (_point.ToPointData(), null)
        : (null, null);

    internal static string? TagProblem(string value)
    {
        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return "contains a control character (a newline, tab or the like), which line protocol cannot carry in a tag";
            }

            if (c == '\\')
            {
                return "contains a backslash, which line protocol would read as an escape";
            }
        }

        return value.Length > 1024 ? "is longer than 1024 characters" : null;
    }

    private static string Printable(string value)
    {
        var shown = value.Length > 80 ? value[..80] + "…" : value;
        return shown.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
    }

    private void Expect(bool inSchema, string key)
    {
        if (!inSchema)
        {
            throw new InvalidOperationException($"'{key}' is not a tag or field of that type in measurement '{_measurement.Name}' (InfluxSchema).");
        }
    }
}
