using Apache.Arrow;
using Telemetry.Contract.Fields;

namespace Telemetry.Contract.Samples;

/// <summary>
/// Collects sample rows and builds them into one Arrow record batch of <see cref="SampleSchema.Schema"/>.
/// Not thread-safe. Values are given per field ordinal; a null value (or a NaN reading of an integer field) is null.
/// </summary>
public sealed class SampleBatchBuilder
{
    private readonly List<long> _time = [];
    private readonly List<GpuIdentity> _gpus = [];
    private readonly List<double?[]> _values = [];

    /// <summary>Rows appended since the last <see cref="Build"/>.</summary>
    public int Count => _time.Count;

    /// <summary>Appends one row.</summary>
    /// <param name="timeUnixMs">Sample time, milliseconds since the Unix epoch.</param>
    /// <param name="gpu">The GPU the row describes.</param>
    /// <param name="values">One value per catalog field, in catalog order.</param>
    public void Append(long timeUnixMs, GpuIdentity gpu, ReadOnlySpan<double?> values)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        if (values.Length != FieldCatalog.Count)
        {
            throw new ArgumentException($"Expected {FieldCatalog.Count} field values, got {values.Length}.", nameof(values));
        }

        _time.Add(timeUnixMs);
        _gpus.Add(gpu);
        _values.Add(values.ToArray());
    }

    /// <summary>Builds the rows appended so far into a record batch (which the caller disposes) and starts afresh.</summary>
    public RecordBatch Build()
    {
        var n = _time.Count;
        var columns = new IArrowArray[SampleSchema.IdentityColumnCount + FieldCatalog.Count];
        var time = new TimestampArray.Builder(Apache.Arrow.Types.TimeUnit.Millisecond, "UTC").Reserve(n);
        var node = new StringArray.Builder();
        var uuid = new StringArray.Builder();
        var index = new Int32Array.Builder().Reserve(n);
        var migInstance = new Int32Array.Builder().Reserve(n);
        var migProfile = new StringArray.Builder();
        var model = new StringArray.Builder();
        for (var row = 0; row < n; row++)
        {
            var gpu = _gpus[row];
            time.Append(DateTimeOffset.FromUnixTimeMilliseconds(_time[row]));
            node.Append(gpu.Node);
            uuid.Append(gpu.Uuid);
            index.Append(gpu.Index);
            migInstance.Append(gpu.MigInstance);
            if (gpu.MigProfile is null) { migProfile.AppendNull(); } else { migProfile.Append(gpu.MigProfile); }
            model.Append(gpu.Model);
        }

        columns[0] = time.Build();
        columns[1] = node.Build();
        columns[2] = uuid.Build();
        columns[3] = index.Build();
        columns[4] = migInstance.Build();
        columns[5] = migProfile.Build();
        columns[6] = model.Build();
        for (var ordinal = 0; ordinal < FieldCatalog.Count; ordinal++)
        {
            columns[SampleSchema.ColumnOf(ordinal)] = FieldCatalog.All[ordinal].ValueType == FieldValueType.WholeNumber
                ? BuildInt64(ordinal, n)
                : BuildFloat(ordinal, n);
        }

        _time.Clear();
        _gpus.Clear();
        _values.Clear();
        return new RecordBatch(SampleSchema.Schema, columns, n);
    }

    private FloatArray BuildFloat(int ordinal, int n)
    {
        var builder = new FloatArray.Builder().Reserve(n);
        for (var row = 0; row < n; row++)
        {
            var value = _values[row][ordinal];
            builder.Append(value is { } v ? (float)v : null);
        }

        return builder.Build();
    }

    private Int64Array BuildInt64(int ordinal, int n)
    {
        var builder = new Int64Array.Builder().Reserve(n);
        for (var row = 0; row < n; row++)
        {
            var value = _values[row][ordinal];
            builder.Append(value is { } v && double.IsFinite(v) ? (long)v : null);
        }

        return builder.Build();
    }
}
