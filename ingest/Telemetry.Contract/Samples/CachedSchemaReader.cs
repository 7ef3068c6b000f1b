using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Telemetry.Contract.Samples;

/// <summary>
/// Reads a payload's record batch straight from its bytes when its schema message is byte for byte the one of the last
/// payload decoded in full: agents of one build send the same schema in every message, and parsing it again (forty
/// fields with their metadata) costs far more than the rows. The columns are views of the payload, not copies. Anything
/// else (another schema, compression, a type outside the sample schema's, more than one batch) is left to the Arrow
/// stream reader, which also gives the errors.
/// </summary>
internal static class CachedSchemaReader
{
    private static Known? _known;

    /// <summary>The payload's only record batch, or null when the payload is not one this reader takes.</summary>
    /// <exception cref="SampleDecodeException">The record batch's metadata runs outside the payload.</exception>
    public static RecordBatch? TryRead(ReadOnlyMemory<byte> payload)
    {
        var known = Volatile.Read(ref _known);
        var span = payload.Span;
        if (known is null || !span.StartsWith(known.Message))
        {
            return null;
        }

        var position = known.Message.Length;
        if (!TryPrefix(span, ref position, out var metadataLength))
        {
            return null;
        }

        if (!ArrowIpcMetadata.TryReadRecordBatch(span.Slice(position, metadataLength), out var layout) || layout.Compressed
            || layout.NodeCount != known.Schema.FieldsList.Count || layout.Rows is < 0 or > int.MaxValue)
        {
            return null;
        }

        var metadata = payload.Slice(position, metadataLength);
        var body = position + metadataLength;
        if (layout.BodyLength < 0 || layout.BodyLength > span.Length - body || !IsEnd(span[(body + (int)layout.BodyLength)..]))
        {
            return null;
        }

        var columns = Columns(known.Schema, metadata.Span, layout, payload.Slice(body, (int)layout.BodyLength));
        return columns is null ? null : new RecordBatch(known.Schema, columns, (int)layout.Rows);
    }

    /// <summary>Remembers the schema message of a payload that decoded and validated in full.</summary>
    public static void Remember(ReadOnlySpan<byte> payload, Schema schema)
    {
        var position = 0;
        if (!TryPrefix(payload, ref position, out var length) || !schema.FieldsList.All(f => ArrowBuffers(f.DataType) > 0))
        {
            return;
        }

        var message = payload[..(position + length)].ToArray();
        if (Volatile.Read(ref _known) is not { } known || !known.Message.AsSpan().SequenceEqual(message))
        {
            Volatile.Write(ref _known, new Known(message, schema));
        }
    }

    private static IArrowArray[]? Columns(Schema schema, ReadOnlySpan<byte> metadata, RecordBatchLayout layout, ReadOnlyMemory<byte> body)
    {
        var columns = new IArrowArray[layout.NodeCount];
        var buffer = 0;
        for (var i = 0; i < columns.Length; i++)
        {
            var type = schema.FieldsList[i].DataType;
            var node = metadata.Slice(layout.Nodes + (16 * i), 16);
            var length = BinaryPrimitives.ReadInt64LittleEndian(node);
            var nulls = BinaryPrimitives.ReadInt64LittleEndian(node[8..]);
            var count = ArrowBuffers(type);
            if (length is < 0 or > int.MaxValue || nulls is < 0 or > int.MaxValue || buffer + count > layout.BufferCount)
            {
                return null;
            }

            var buffers = new ArrowBuffer[count];
            for (var b = 0; b < count; b++, buffer++)
            {
                var spec = metadata.Slice(layout.Buffers + (16 * buffer), 16);
                var offset = BinaryPrimitives.ReadInt64LittleEndian(spec);
                var size = BinaryPrimitives.ReadInt64LittleEndian(spec[8..]);
                if (offset < 0 || size < 0 || offset > body.Length - size)
                {
                    return null;
                }

                buffers[b] = new ArrowBuffer(body.Slice((int)offset, (int)size));
            }

            columns[i] = ArrowArrayFactory.BuildArray(new ArrayData(type, (int)length, (int)nulls, 0, buffers));
        }

        return buffer == layout.BufferCount ? columns : null;
    }

    // Buffers of a column of this type (validity, values; or validity, offsets, data); 0 for a type this reader leaves to Arrow's.
    private static int ArrowBuffers(IArrowType type) => type switch
    {
        TimestampType or Int32Type or Int64Type or FloatType => 2,
        StringType => 3,
        _ => 0,
    };

    // An encapsulated message's prefix: the continuation marker, if any, and the metadata length.
    private static bool TryPrefix(ReadOnlySpan<byte> span, ref int position, out int length)
    {
        length = 0;
        if (span.Length - position >= 4 && BinaryPrimitives.ReadInt32LittleEndian(span[position..]) == -1)
        {
            position += 4;
        }

        if (span.Length - position < 4)
        {
            return false;
        }

        length = BinaryPrimitives.ReadInt32LittleEndian(span[position..]);
        position += 4;
        return length > 0 && length <= span.Length - position;
    }

    // Nothing, or the end-of-stream marker, after the batch.
    private static bool IsEnd(ReadOnlySpan<byte> rest) => rest.IsEmpty
        || (rest.Length == 8 && BinaryPrimitives.ReadInt32LittleEndian(rest) == -1 && BinaryPrimitives.ReadInt32LittleEndian(rest[4..]) == 0)
        || (rest.Length == 4 && BinaryPrimitives.ReadInt32LittleEndian(rest) == 0);

    private sealed record Known(byte[] Message, Schema Schema);
}
