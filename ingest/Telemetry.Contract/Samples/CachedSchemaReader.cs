using System.Buffers.Binary;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Telemetry.Contract.Samples;

/// <summary>
/// Reads a payload's record batch straight from its bytes when its schema message is byte for byte the one of the last
/// payload decoded in full: agents of one build send the same schema in every message, and parsing it again (forty
/// fields with their metadata) costs far more than the rows. Every column's parts are found and checked against the
/// bounds at once, but a column becomes an Arrow array only when asked for (<see cref="PayloadColumns"/>): the
/// aggregator reads most of them as spans of the payload, not copies, and never needs the arrays. Anything
/// else (another schema, compression, a type outside the sample schema's, more than one batch) is left to the Arrow
/// stream reader, which also gives the errors.
/// </summary>
internal static class CachedSchemaReader
{
    private static Known? _known;

    /// <summary>
    /// The payload's only record batch, read in place, or null when the payload is not one this reader takes. Either
    /// way the payload's message metadata is checked first.
    /// </summary>
    /// <exception cref="SampleDecodeException">The metadata is not that of an Arrow IPC stream.</exception>
    /// <exception cref="SampleDecodeException">The record batch's metadata runs outside the payload.</exception>
    /// <param name="payload">The payload.</param>
    /// <param name="reuse">Columns to reset to this payload's instead of new ones; their earlier payload's are lost even when null is returned.</param>
    public static PayloadColumns? TryRead(ReadOnlyMemory<byte> payload, PayloadColumns? reuse = null)
    {
        var known = Volatile.Read(ref _known);
        var span = payload.Span;
        if (known is null || !span.StartsWith(known.Message))
        {
            ArrowIpcMetadata.Check(span);
            return null;
        }

        // The schema message is byte for byte one already checked: the messages after it are checked here.
        ArrowIpcMetadata.Check(span[known.Message.Length..]);

        var position = known.Message.Length;
        if (!TryPrefix(span, ref position, out var metadataLength))
        {
            return null;
        }

        if (!ArrowIpcMetadata.TryReadRecordBatch(span.Slice(position, metadataLength), out var layout) || layout.Compressed
            || layout.NodeCount != known.Schema.FieldsList.Count || layout.BufferCount != known.Buffers || layout.Rows is < 0 or > int.MaxValue)
        {
            return null;
        }

        var body = position + metadataLength;
        if (layout.BodyLength < 0 || layout.BodyLength > span.Length - body || !IsEnd(span[(body + (int)layout.BodyLength)..]))
        {
            return null;
        }

        var metadata = payload.Slice(position, metadataLength);
        var bytes = payload.Slice(body, (int)layout.BodyLength);
        reuse?.Reset(known.Schema, known.FirstBuffer, metadata, layout, bytes);
        var columns = reuse ?? new PayloadColumns(known.Schema, known.FirstBuffer, metadata, layout, bytes);

        return columns.BuffersInBody() ? columns : null;
    }

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
            var first = new int[schema.FieldsList.Count];
            var buffers = 0;
            for (var i = 0; i < first.Length; i++)
            {
                first[i] = buffers;
                buffers += ArrowBuffers(schema.FieldsList[i].DataType);
            }

            Volatile.Write(ref _known, new Known(message, schema, first, buffers));
        }
    }

    // Buffers of a column of this type (validity, values; or validity, offsets, data); 0 for a type this reader leaves to Arrow's.
    public static int ArrowBuffers(IArrowType type) => type switch
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

    // The schema message, its schema, each column's first buffer, and the buffers of a batch.
    private sealed record Known(byte[] Message, Schema Schema, int[] FirstBuffer, int Buffers);
}
