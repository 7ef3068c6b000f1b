namespace Telemetry.Analytics.Influx;

/// <summary>One measurement the sink writes.</summary>
/// <param name="Name">The measurement's name.</param>
/// <param name="Description">What one point of it is.</param>
/// <param name="Tags">Its tag keys (a tag whose value is unknown is left off the point).</param>
/// <param name="Fields">Its fields with their types.</param>
public sealed record InfluxMeasurement(string Name, string Description, IReadOnlyList<string> Tags, IReadOnlyList<InfluxField> Fields)
{
    /// <summary>Whether it has this tag key.</summary>
    public bool HasTag(string key) => Tags.Contains(key, StringComparer.Ordinal);

    /// <summary>The field of this name, or null.</summary>
    public InfluxField? Field(string name) => Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.Ordinal));
}

/// <summary>A field and its line-protocol type.</summary>
/// <param name="Name">The field key.</param>
/// <param name="Type">Its type.</param>
public sealed record InfluxField(string Name, InfluxFieldType Type);

/// <summary>Line-protocol field types.</summary>
public enum InfluxFieldType
{
    /// <summary>A 64-bit float (line protocol <c>1.5</c>).</summary>
    Number,

    /// <summary>A 64-bit signed integer (<c>15i</c>).</summary>
    Whole,

    /// <summary>A string (<c>"text"</c>).</summary>
    Text,
}
