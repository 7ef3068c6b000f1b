using Apache.Arrow;
using Telemetry.Contract.Fields;

namespace Telemetry.Contract.Samples;

/// <summary>
/// A decoded sample batch: the record batch and typed views of its columns. Field columns the sender did not
/// include are null. Dispose it to release the batch.
/// </summary>
public sealed class SampleBatch : IDisposable
{
    private readonly IArrowArray?[] _fields;

    internal SampleBatch(RecordBatch batch, SampleColumns columns, IArrowArray?[] fields)
    {
        Batch = batch;
        _fields = fields;
        Time = (TimestampArray)batch.Column(columns.Time);
        Node = (StringArray)batch.Column(columns.Node);
        GpuUuid = (StringArray)batch.Column(columns.GpuUuid);
        GpuIndex = (Int32Array)batch.Column(columns.GpuIndex);
        GpuModel = (StringArray)batch.Column(columns.GpuModel);
        MigInstance = columns.MigInstance >= 0 ? batch.Column(columns.MigInstance) as Int32Array : null;
        MigProfile = columns.MigProfile >= 0 ? batch.Column(columns.MigProfile) as StringArray : null;
    }

    /// <summary>The underlying record batch.</summary>
    public RecordBatch Batch { get; }

    /// <summary>Number of rows.</summary>
    public int Length => Batch.Length;

    /// <summary>Sample times (milliseconds since the Unix epoch).</summary>
    public TimestampArray Time { get; }

    /// <summary>Node names.</summary>
    public StringArray Node { get; }

    /// <summary>GPU UUIDs.</summary>
    public StringArray GpuUuid { get; }

    /// <summary>GPU indexes.</summary>
    public Int32Array GpuIndex { get; }

    /// <summary>GPU product names.</summary>
    public StringArray GpuModel { get; }

    /// <summary>MIG instance IDs, when the sender included the column.</summary>
    public Int32Array? MigInstance { get; }

    /// <summary>MIG profiles, when the sender included the column.</summary>
    public StringArray? MigProfile { get; }

    /// <summary>The column of the field with this catalog ordinal, or null when the batch lacks it.</summary>
    public IArrowArray? Field(int ordinal) => _fields[ordinal];

    /// <summary>
    /// Reads one field value as a double; false when the column is absent, the value is null, or it is a NaN or an
    /// infinity, which a sender may write but which is no reading (one would poison every mean and sum it joins).
    /// </summary>
    public bool TryGetValue(int ordinal, int row, out double value)
    {
        switch (_fields[ordinal])
        {
            case FloatArray f when f.IsValid(row) && float.IsFinite(f.Values[row]):
                value = f.Values[row];
                return true;
            case Int64Array l when l.IsValid(row):
                value = l.Values[row];
                return true;
            default:
                value = 0;
                return false;
        }
    }

    /// <summary>Reads one integer field value exactly; false when the column is absent or the value is null.</summary>
    public bool TryGetInt64(int ordinal, int row, out long value)
    {
        if (_fields[ordinal] is Int64Array l && l.IsValid(row))
        {
            value = l.Values[row];
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The identity of the GPU in this row.</summary>
    public GpuIdentity Identity(int row) => new(
        Node.GetString(row),
        GpuUuid.GetString(row),
        GpuIndex.Values[row],
        GpuModel.GetString(row),
        MigInstance?.GetValue(row),
        MigProfile?.GetString(row));

    /// <inheritdoc />
    public void Dispose() => Batch.Dispose();
}
