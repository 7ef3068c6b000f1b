using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Collectors.DcgmExporter;

/// <summary>One GPU's reading as a page is read: the first value given for a field stays, the latest timestamp is kept.</summary>
internal sealed class GpuReadingBuilder(GpuIdentity gpu)
{
    private readonly double?[] _values = new double?[FieldCatalog.Count];
    private readonly bool[] _given = new bool[FieldCatalog.Count];
    private long? _timeUnixMs;

    /// <summary>The GPU or MIG instance.</summary>
    public GpuIdentity Gpu { get; } = gpu;

    /// <summary>Whether the field at <paramref name="ordinal"/> already has a value (or a dropped sentinel).</summary>
    public bool Has(int ordinal) => _given[ordinal];

    /// <summary>Sets the field at <paramref name="ordinal"/>; null records a value dropped.</summary>
    public void Set(int ordinal, double? value)
    {
        _given[ordinal] = true;
        _values[ordinal] = value;
    }

    /// <summary>Keeps <paramref name="unixMs"/> if it is the latest sample timestamp seen for this GPU.</summary>
    public void SeeTimestamp(long? unixMs)
    {
        if (unixMs is { } time && (_timeUnixMs is null || time > _timeUnixMs))
        {
            _timeUnixMs = time;
        }
    }

    /// <summary>The reading.</summary>
    public GpuReading Build() => new(Gpu, (double?[])_values.Clone(), _timeUnixMs);
}
