using Apache.Arrow;
using Apache.Arrow.Types;
using Telemetry.Contract.Fields;

namespace Telemetry.Contract.Samples;

/// <summary>
/// A decoded sample batch: the record batch and typed views of its columns. Field columns the sender did not
/// include are null. Dispose it to release the batch.
/// </summary>
public sealed class SampleBatch : IDisposable
{
    private readonly PayloadColumns? _payload;
    private SampleColumns _columns;
    private RecordBatch? _batch;

    internal SampleBatch(RecordBatch batch, SampleColumns columns)
    {
        _batch = batch;
        _columns = columns;
    }

    // Read where it lies in the payload: columns become Arrow arrays only when asked for.
    internal SampleBatch(PayloadColumns payload, SampleColumns columns)
    {
        _payload = payload;
        _columns = columns;
    }

    /// <summary>The columns of a batch read in place, or null.</summary>
    internal PayloadColumns? Payload => _payload;

    /// <summary>Whether the batch was read where it lies in its payload (no record batch of its own to release).</summary>
    internal bool InPlace => _payload is not null;

    /// <summary>The underlying record batch (built on first use when the batch was read in place from its payload).</summary>
    public RecordBatch Batch => _batch ??= _payload!.ToRecordBatch();

    /// <summary>Number of rows.</summary>
    public int Length => _payload?.Rows ?? _batch!.Length;

    /// <summary>Sample times (milliseconds since the Unix epoch).</summary>
    public TimestampArray Time => (TimestampArray)Column(_columns.Time);

    /// <summary>Node names.</summary>
    public StringArray Node => (StringArray)Column(_columns.Node);

    /// <summary>GPU UUIDs.</summary>
    public StringArray GpuUuid => (StringArray)Column(_columns.GpuUuid);

    /// <summary>GPU indexes.</summary>
    public Int32Array GpuIndex => (Int32Array)Column(_columns.GpuIndex);

    /// <summary>GPU product names.</summary>
    public StringArray GpuModel => (StringArray)Column(_columns.GpuModel);

    /// <summary>MIG instance IDs, when the sender included the column.</summary>
    public Int32Array? MigInstance => _columns.MigInstance >= 0 ? Column(_columns.MigInstance) as Int32Array : null;

    /// <summary>MIG profiles, when the sender included the column.</summary>
    public StringArray? MigProfile => _columns.MigProfile >= 0 ? Column(_columns.MigProfile) as StringArray : null;

    /// <summary>The sample times as a span, without an array object.</summary>
    public ColumnView<long> TimeView => _payload is { } p ? p.View<long>(_columns.Time) : ColumnView.Of(Time);

    /// <summary>The GPU UUIDs as spans, without an array object.</summary>
    public StringColumnView GpuUuidView => _payload is { } p ? p.StringView(_columns.GpuUuid) : StringColumnView.Of(GpuUuid);

    /// <summary>The node names as spans, without an array object.</summary>
    public StringColumnView NodeView => _payload is { } p ? p.StringView(_columns.Node) : StringColumnView.Of(Node);

    /// <summary>The GPU product names as spans, without an array object.</summary>
    public StringColumnView GpuModelView => _payload is { } p ? p.StringView(_columns.GpuModel) : StringColumnView.Of(GpuModel);

    /// <summary>The MIG instance IDs as a span, without an array object; a missing view (<see cref="ColumnView{T}.Exists"/> false) when the sender left the column out.</summary>
    public ColumnView<int> MigInstanceView => _columns.MigInstance < 0 ? ColumnView.Missing<int>()
        : _payload is { } p ? p.View<int>(_columns.MigInstance) : ColumnView.Of(MigInstance!);

    /// <summary>The column of the field with this catalog ordinal, or null when the batch lacks it.</summary>
    public IArrowArray? Field(int ordinal) => _columns.Fields[ordinal] is var index and >= 0 ? Column(index) : null;

    /// <summary>A floating-point field's values as a span; a missing view (<see cref="ColumnView{T}.Exists"/> false) when the batch lacks it.</summary>
    public ColumnView<float> FloatField(int ordinal) => ViewOf<float>(ordinal, ArrowTypeId.Float);

    /// <summary>An integer field's values as a span; a missing view (<see cref="ColumnView{T}.Exists"/> false) when the batch lacks it.</summary>
    public ColumnView<long> Int64Field(int ordinal) => ViewOf<long>(ordinal, ArrowTypeId.Int64);

    /// <summary>
    /// Reads one field value as a double; false when the column is absent, the value is null, or it is a NaN or an
    /// infinity, which a sender may write but which is no reading (one would poison every mean and sum it joins).
    /// </summary>
    public bool TryGetValue(int ordinal, int row, out double value)
    {
        switch (Field(ordinal))
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
        if (Field(ordinal) is Int64Array l && l.IsValid(row))
        {
            value = l.Values[row];
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The identity of the GPU in this row.</summary>
    public GpuIdentity Identity(int row) => Identity(row, Node.GetString(row), GpuUuid.GetString(row), GpuModel.GetString(row));

    /// <summary>
    /// The identity of the GPU in this row, with its node name, UUID and model as the caller has them already (strings
    /// it shares between GPUs, say); the rest from the row.
    /// </summary>
    public GpuIdentity Identity(int row, string node, string uuid, string model) => new(
        node,
        uuid,
        GpuIndex.Values[row],
        model,
        MigInstance?.GetValue(row),
        MigProfile?.GetString(row));

    /// <inheritdoc />
    public void Dispose()
    {
        _batch?.Dispose();
        _batch = null;
    }

    // Its payload columns now hold another payload's batch (read in place).
    internal void Reset(SampleColumns columns)
    {
        _columns = columns;
        _batch = null;
    }

    private IArrowArray Column(int index) => _payload?.Array(index) ?? _batch!.Column(index);

    private ColumnView<T> ViewOf<T>(int ordinal, ArrowTypeId type)
        where T : struct, IEquatable<T>
    {
        var index = _columns.Fields[ordinal];
        if (index < 0 || _columns.Schema.GetFieldByIndex(index).DataType.TypeId != type)
        {
            return ColumnView.Missing<T>();
        }

        return _payload is { } p ? p.View<T>(index) : ColumnView.Of((PrimitiveArray<T>)_batch!.Column(index));
    }
}
