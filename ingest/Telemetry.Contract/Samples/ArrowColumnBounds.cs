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
        if (data.Length != rows || data.Offset != 0)
        {
            throw Invalid($"Column '{name}' claims {data.Length} rows at offset {data.Offset}; the batch has {rows}.");
        }

        // The validity bitmap first: a null count the sender left unknown is counted from it.
        if (data.Buffers.Length > 0 && data.Buffers[0].Length is > 0 and var bitmap && bitmap < Bytes(rows, 1))
        {
            throw Invalid($"Column '{name}' has a validity bitmap of {bitmap} bytes for {rows} rows.");
        }

        if (data.NullCount < 0 || data.NullCount > rows)
        {
            throw Invalid($"Column '{name}' claims {data.NullCount} nulls in {rows} rows.");
        }

        if (data.NullCount > 0 && (data.Buffers.Length == 0 || data.Buffers[0].IsEmpty))
        {
            // Without a bitmap every row reads as valid, and the nulls' slots as values.
            throw Invalid($"Column '{name}' claims {data.NullCount} nulls but has no validity bitmap.");
        }

        switch (data.DataType)
        {
            case FixedWidthType fixedWidth:
                RequireBuffer(name, data, 1, Bytes(rows, fixedWidth.BitWidth), "values");
                break;
            case StringType or BinaryType:
                CheckOffsets(name, data, rows);
                break;
        }
    }

    private static void CheckOffsets(string name, ArrayData data, int rows)
    {
        if (rows == 0)
        {
            // Nothing is read, and writers differ on whether an empty column has one offset or none.
            return;
        }

        RequireBuffer(name, data, 1, Bytes(rows + 1, 32), "offsets");
        RequireBuffer(name, data, 2, 0, "data");
        var offsets = data.Buffers[1].Span;
        var length = data.Buffers[2].Length;
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

    private static void RequireBuffer(string name, ArrayData data, int index, long bytes, string what)
    {
        if (data.Buffers.Length <= index || data.Buffers[index].Length < bytes)
        {
            var actual = data.Buffers.Length <= index ? "none" : $"{data.Buffers[index].Length} bytes";
            throw Invalid($"Column '{name}' has {actual} of {what} for {data.Length} rows; it needs {bytes}.");
        }
    }

    private static long Bytes(long rows, int bitWidth) => ((rows * bitWidth) + 7) / 8;

    private static SampleDecodeException Invalid(string problem) => new(SampleDecodeError.NotArrow, $"Not a valid Arrow record batch: {problem}");
}
