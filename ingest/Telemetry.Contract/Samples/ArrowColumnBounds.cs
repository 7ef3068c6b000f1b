using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Telemetry.Contract.Samples;

/// <summary>
/// Checks that every column of a decoded record batch holds what its lengths claim. The IPC reader takes the row
/// count, each column's length and null count and each buffer's size on trust, so a lying sender's batch decodes, and
/// its short buffers throw only when a row past their end is read, long after decoding, in whatever reads it.
/// </summary>
internal static class ArrowColumnBounds
{
    /// <summary>Throws unless there is a column per schema field, each with the batch's length and buffers long enough for it.</summary>
    /// <exception cref="SampleDecodeException">A column does not hold what it claims (<see cref="SampleDecodeError.NotArrow"/>).</exception>
    public static void Check(RecordBatch batch)
    {
        if (batch.Length < 0)
        {
            throw Invalid($"The batch claims {batch.Length} rows.");
        }

        if (batch.ColumnCount != batch.Schema.FieldsList.Count)
        {
            throw Invalid($"The batch has {batch.ColumnCount} columns for a schema of {batch.Schema.FieldsList.Count} fields.");
        }

        for (var i = 0; i < batch.ColumnCount; i++)
        {
            Check(batch.Schema.GetFieldByIndex(i).Name, batch.Column(i).Data, batch.Length);
        }
    }

    private static void Check(string name, ArrayData data, int rows)
    {
        if (data.Offset != 0)
        {
            throw Invalid($"Column '{name}' claims {data.Length} rows at offset {data.Offset}; the batch has {rows}.");
        }

        Check(name, data.DataType, rows, data.Length, data.NullCount, new ArrayBuffers(data));
    }

    /// <summary>The same checks on a column given by its parts (read straight from a payload).</summary>
    public static void Check<TBuffers>(string name, IArrowType type, int rows, long length, long nullCount, TBuffers buffers)
        where TBuffers : struct, IColumnBuffers
    {
        if (length != rows)
        {
            throw Invalid($"Column '{name}' claims {length} rows at offset 0; the batch has {rows}.");
        }

        // The validity bitmap first: a null count the sender left unknown is counted from it.
        if (buffers.Count > 0 && buffers[0].Length is > 0 and var bitmap && bitmap < Bytes(rows, 1))
        {
            throw Invalid($"Column '{name}' has a validity bitmap of {bitmap} bytes for {rows} rows.");
        }

        if (nullCount < 0 || nullCount > rows)
        {
            throw Invalid($"Column '{name}' claims {nullCount} nulls in {rows} rows.");
        }

        if (nullCount > 0 && (buffers.Count == 0 || buffers[0].IsEmpty))
        {
            // Without a bitmap every row reads as valid, and the nulls' slots as values.
            throw Invalid($"Column '{name}' claims {nullCount} nulls but has no validity bitmap.");
        }

        switch (type)
        {
            case FixedWidthType fixedWidth:
                RequireBuffer(name, buffers, length, 1, Bytes(rows, fixedWidth.BitWidth), "values");
                break;
            case StringType or BinaryType:
                CheckOffsets(name, buffers, rows);
                break;
        }
    }

    private static void CheckOffsets<TBuffers>(string name, TBuffers buffers, int rows)
        where TBuffers : struct, IColumnBuffers
    {
        if (rows == 0)
        {
            // Nothing is read, and writers differ on whether an empty column has one offset or none.
            return;
        }

        RequireBuffer(name, buffers, rows, 1, Bytes(rows + 1, 32), "offsets");
        RequireBuffer(name, buffers, rows, 2, 0, "data");
        var offsets = buffers[1];
        var length = buffers[2].Length;
        var previous = 0;
        for (var row = 0; row <= rows; row++)
        {
            var offset = BinaryPrimitives.ReadInt32LittleEndian(offsets[(row * 4)..]);
            if (offset < previous || offset > length)
            {
                throw Invalid($"Column '{name}' has offset {offset} at row {row}, outside 0 to {length} or going back.");
            }

            previous = offset;
        }
    }

    private static void RequireBuffer<TBuffers>(string name, TBuffers buffers, long rows, int index, long bytes, string what)
        where TBuffers : struct, IColumnBuffers
    {
        if (buffers.Count <= index || buffers[index].Length < bytes)
        {
            var actual = buffers.Count <= index ? "none" : $"{buffers[index].Length} bytes";
            throw Invalid($"Column '{name}' has {actual} of {what} for {rows} rows; it needs {bytes}.");
        }
    }

    /// <summary>A column's buffers, however they are held.</summary>
    internal interface IColumnBuffers
    {
        int Count { get; }

        ReadOnlySpan<byte> this[int index] { get; }
    }

    private readonly struct ArrayBuffers(ArrayData data) : IColumnBuffers
    {
        public int Count => data.Buffers.Length;

        public ReadOnlySpan<byte> this[int index] => data.Buffers[index].Span;
    }

    private static long Bytes(long rows, int bitWidth) => ((rows * bitWidth) + 7) / 8;

    private static SampleDecodeException Invalid(string problem) => new(SampleDecodeError.NotArrow, $"Not a valid Arrow record batch: {problem}");
}
