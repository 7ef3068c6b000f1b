using System.Buffers.Binary;

namespace Telemetry.Contract.Tests.Samples;

/// <summary>
/// Finds the fields of the record batch message in an encoded Arrow IPC stream, so that tests can make it lie: its row
/// count, its field nodes' lengths and null counts, its buffers' offsets and lengths. The stream is a run of messages
/// (<c>0xFFFFFFFF</c>, a metadata length, a flatbuffer <c>Message</c>, a body); the flatbuffer is walked by its vtables.
/// </summary>
internal sealed class ArrowIpcBytes
{
    private const byte RecordBatchHeader = 3;

    private readonly int _recordBatch;

    private ArrowIpcBytes(byte[] bytes, int recordBatch, int bodyStart, long bodyLength)
    {
        Bytes = bytes;
        _recordBatch = recordBatch;
        BodyStart = bodyStart;
        BodyLength = bodyLength;
    }

    /// <summary>The stream, patched in place.</summary>
    public byte[] Bytes { get; }

    /// <summary>Where the record batch's body starts in the stream.</summary>
    public int BodyStart { get; }

    /// <summary>The body's length as the message declares it.</summary>
    public long BodyLength { get; }

    /// <summary>Where the row count (an int64) lies.</summary>
    public int LengthAt => Field(_recordBatch, 0);

    /// <summary>How many field nodes the batch has.</summary>
    public int NodeCount => Int32(Vector(1));

    /// <summary>How many buffers the batch has.</summary>
    public int BufferCount => Int32(Vector(2));

    /// <summary>The record batch of a copy of <paramref name="stream"/>.</summary>
    public static ArrowIpcBytes Of(byte[] stream)
    {
        var bytes = (byte[])stream.Clone();
        var position = 0;
        while (position + 8 <= bytes.Length)
        {
            var lengthAt = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(position)) == -1 ? position + 4 : position;
            var metadataLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(lengthAt));
            var metadata = lengthAt + 4;
            var message = metadata + BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(metadata));
            var probe = new ArrowIpcBytes(bytes, message, 0, 0);
            var bodyLengthAt = probe.Field(message, 3);
            var bodyLength = bodyLengthAt < 0 ? 0 : BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(bodyLengthAt));
            var bodyStart = metadata + metadataLength;
            var headerTypeAt = probe.Field(message, 1);
            if (headerTypeAt >= 0 && bytes[headerTypeAt] == RecordBatchHeader)
            {
                var header = probe.Field(message, 2);
                return new ArrowIpcBytes(bytes, header + probe.Int32(header), bodyStart, bodyLength);
            }

            position = checked(bodyStart + (int)bodyLength);
        }

        throw new InvalidOperationException("The stream holds no record batch message.");
    }

    /// <summary>Sets the batch's row count.</summary>
    public ArrowIpcBytes WithLength(long rows) => Write(LengthAt, rows);

    /// <summary>Sets how many field nodes the batch claims, leaving the nodes themselves as they are.</summary>
    public ArrowIpcBytes WithNodeCount(int count)
    {
        BinaryPrimitives.WriteInt32LittleEndian(Bytes.AsSpan(Vector(1)), count);
        return this;
    }

    /// <summary>Sets a field node's length.</summary>
    public ArrowIpcBytes WithNodeLength(int node, long length) => Write(Element(1, node), length);

    /// <summary>Sets a field node's null count.</summary>
    public ArrowIpcBytes WithNodeNullCount(int node, long nulls) => Write(Element(1, node) + 8, nulls);

    /// <summary>Sets a buffer's offset into the body.</summary>
    public ArrowIpcBytes WithBufferOffset(int buffer, long offset) => Write(Element(2, buffer), offset);

    /// <summary>Sets a buffer's length.</summary>
    public ArrowIpcBytes WithBufferLength(int buffer, long length) => Write(Element(2, buffer) + 8, length);

    /// <summary>A buffer's declared offset and length.</summary>
    public (long Offset, long Length) Buffer(int buffer) =>
        (BinaryPrimitives.ReadInt64LittleEndian(Bytes.AsSpan(Element(2, buffer))), BinaryPrimitives.ReadInt64LittleEndian(Bytes.AsSpan(Element(2, buffer) + 8)));

    private ArrowIpcBytes Write(int at, long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(Bytes.AsSpan(at), value);
        return this;
    }

    // A vector of 16-byte structs (FieldNode, Buffer): its count, then the structs.
    private int Element(int field, int index)
    {
        var vector = Vector(field);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Int32(vector));
        return vector + 4 + (index * 16);
    }

    private int Vector(int field)
    {
        var at = Field(_recordBatch, field);
        return at + Int32(at);
    }

    // The position of a table's field, or -1 when the vtable leaves it out.
    private int Field(int table, int index)
    {
        var vtable = table - Int32(table);
        var slot = 4 + (2 * index);
        if (slot >= BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(vtable)))
        {
            return -1;
        }

        var offset = BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(vtable + slot));
        return offset == 0 ? -1 : table + offset;
    }

    private int Int32(int at) => BinaryPrimitives.ReadInt32LittleEndian(Bytes.AsSpan(at));
}
