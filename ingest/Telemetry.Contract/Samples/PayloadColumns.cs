using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.InteropServices;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Telemetry.Contract.Samples;

/// <summary>
/// The columns of a record batch in an Arrow IPC payload, read where they lie: each column's node (rows, nulls) and
/// buffers are found from the batch's metadata, checked once against the bounds (<see cref="CheckBounds"/>), and read as
/// spans; a column becomes an Arrow array, over the same bytes, only when asked for.
/// </summary>
internal sealed class PayloadColumns
{
    private Schema _schema;
    private int[] _firstBuffer;
    private ReadOnlyMemory<byte> _metadata;
    private RecordBatchLayout _layout;
    private ReadOnlyMemory<byte> _body;
    private IArrowArray?[]? _arrays;

    public PayloadColumns(Schema schema, int[] firstBuffer, ReadOnlyMemory<byte> metadata, RecordBatchLayout layout, ReadOnlyMemory<byte> body) =>
        Reset(schema, firstBuffer, metadata, layout, body);

    /// <summary>Makes this the columns of another payload's batch, forgetting the arrays built for the last one.</summary>
    [MemberNotNull(nameof(_schema), nameof(_firstBuffer))]
    public void Reset(Schema schema, int[] firstBuffer, ReadOnlyMemory<byte> metadata, RecordBatchLayout layout, ReadOnlyMemory<byte> body)
    {
        _schema = schema;
        _firstBuffer = firstBuffer;
        _metadata = metadata;
        _layout = layout;
        _body = body;
        if (_arrays is not null)
        {
            System.Array.Clear(_arrays);
        }
    }

    public Schema Schema => _schema;

    public int Rows => (int)_layout.Rows;

    public int Count => _firstBuffer.Length;

    /// <summary>Rows column <paramref name="column"/> claims.</summary>
    public long Length(int column) => BinaryPrimitives.ReadInt64LittleEndian(Node(column));

    /// <summary>Nulls column <paramref name="column"/> claims.</summary>
    public long NullCount(int column) => BinaryPrimitives.ReadInt64LittleEndian(Node(column)[8..]);

    /// <summary>Buffer <paramref name="index"/> of a column: validity, then values (or offsets and data).</summary>
    public ReadOnlySpan<byte> Buffer(int column, int index) => BufferMemory(column, index).Span;

    /// <summary>Whether every node's counts fit an int and every buffer lies inside the body; else the Arrow reader is left to judge.</summary>
    public bool BuffersInBody()
    {
        var metadata = _metadata.Span;
        for (var column = 0; column < Count; column++)
        {
            if (Length(column) is < 0 or > int.MaxValue || NullCount(column) is < 0 or > int.MaxValue)
            {
                return false;
            }
        }

        for (var buffer = 0; buffer < _layout.BufferCount; buffer++)
        {
            var spec = metadata.Slice(_layout.Buffers + (16 * buffer), 16);
            var offset = BinaryPrimitives.ReadInt64LittleEndian(spec);
            var size = BinaryPrimitives.ReadInt64LittleEndian(spec[8..]);
            if (offset < 0 || size < 0 || offset > _body.Length - size)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The checks <see cref="ArrowColumnBounds"/> makes of a decoded batch, on every column.</summary>
    /// <exception cref="SampleDecodeException">A column does not fit its rows.</exception>
    public void CheckBounds()
    {
        for (var column = 0; column < Count; column++)
        {
            var field = _schema.GetFieldByIndex(column);
            ArrowColumnBounds.Check(field.Name, field.DataType, Rows, Length(column), NullCount(column), new Buffers(this, column));
        }
    }

    /// <summary>A fixed-width column's values and validity.</summary>
    public ColumnView<T> View<T>(int column)
        where T : struct, IEquatable<T> =>
        new(MemoryMarshal.Cast<byte, T>(Buffer(column, 1))[..Rows], Buffer(column, 0), (int)NullCount(column));

    /// <summary>A string column's offsets, bytes and validity.</summary>
    public StringColumnView StringView(int column) =>
        new(Rows == 0 ? [] : MemoryMarshal.Cast<byte, int>(Buffer(column, 1))[..(Rows + 1)], Buffer(column, 2), Buffer(column, 0), (int)NullCount(column));

    /// <summary>The column as an Arrow array over the payload's bytes, built on first use.</summary>
    public IArrowArray Array(int column)
    {
        _arrays ??= new IArrowArray?[Count];
        return _arrays[column] ??= Build(column);
    }

    /// <summary>Every column as a record batch.</summary>
    public RecordBatch ToRecordBatch()
    {
        var columns = new IArrowArray[Count];
        for (var column = 0; column < columns.Length; column++)
        {
            columns[column] = Array(column);
        }

        return new RecordBatch(_schema, columns, Rows);
    }

    private ReadOnlyMemory<byte> BufferMemory(int column, int index)
    {
        var spec = _metadata.Span.Slice(_layout.Buffers + (16 * (_firstBuffer[column] + index)), 16);
        return _body.Slice((int)BinaryPrimitives.ReadInt64LittleEndian(spec), (int)BinaryPrimitives.ReadInt64LittleEndian(spec[8..]));
    }

    private ReadOnlySpan<byte> Node(int column) => _metadata.Span.Slice(_layout.Nodes + (16 * column), 16);

    private IArrowArray Build(int column)
    {
        var type = _schema.GetFieldByIndex(column).DataType;
        var count = CachedSchemaReader.ArrowBuffers(type);
        var buffers = new ArrowBuffer[count];
        for (var b = 0; b < count; b++)
        {
            buffers[b] = new ArrowBuffer(BufferMemory(column, b));
        }

        return ArrowArrayFactory.BuildArray(new ArrayData(type, (int)Length(column), (int)NullCount(column), 0, buffers));
    }

    private readonly struct Buffers(PayloadColumns columns, int column) : ArrowColumnBounds.IColumnBuffers
    {
        public int Count => CachedSchemaReader.ArrowBuffers(columns._schema.GetFieldByIndex(column).DataType);

        public ReadOnlySpan<byte> this[int index] => columns.Buffer(column, index);
    }
}
