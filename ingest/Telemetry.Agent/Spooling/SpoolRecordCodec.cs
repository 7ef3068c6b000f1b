using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// The spool's record framing: <c>[payload length: u32][payload][CRC-32 of length and payload: u32]</c>, little-endian.
/// The payload holds topic, key, value and headers, each length-prefixed (-1: null). A torn or corrupted frame fails
/// its checks, so it is never misread as a message.
/// </summary>
internal static class SpoolRecordCodec
{
    /// <summary>Bytes a frame adds around its payload.</summary>
    public const int FrameOverhead = 8;

    /// <summary>The smallest payload: a one-byte topic, null key and value, no headers.</summary>
    public const int MinPayloadBytes = 2 + 1 + 4 + 4 + 2;

    /// <summary>Larger payloads are taken for corruption.</summary>
    public const int MaxPayloadBytes = 256 << 20;

    public static byte[] Encode(SpoolRecord record)
    {
        var size = PayloadSize(record);
        if (size > MaxPayloadBytes)
        {
            throw new ArgumentException($"A {size}-byte message is larger than the spool takes ({MaxPayloadBytes} bytes).", nameof(record));
        }

        var frame = new byte[size + FrameOverhead];
        BinaryPrimitives.WriteUInt32LittleEndian(frame, (uint)size);
        var payload = frame.AsSpan(4, size);
        var at = WriteString(payload, 0, record.Topic, twoBytes: true);
        at = WriteString(payload, at, record.Key, twoBytes: false);
        at = WriteBytes(payload, at, record.Value);
        BinaryPrimitives.WriteUInt16LittleEndian(payload[at..], (ushort)record.Headers.Count);
        at += 2;
        foreach (var (name, value) in record.Headers)
        {
            at = WriteString(payload, at, name, twoBytes: true);
            at = WriteBytes(payload, at, value);
        }

        BinaryPrimitives.WriteUInt32LittleEndian(frame.AsSpan(4 + size), Crc32.HashToUInt32(frame.AsSpan(0, 4 + size)));
        return frame;
    }

    /// <summary>The payload length a frame's first four bytes announce, or -1 when no valid frame could be that long.</summary>
    public static int PayloadLength(ReadOnlySpan<byte> prefix)
    {
        var length = BinaryPrimitives.ReadUInt32LittleEndian(prefix);
        return length is >= MinPayloadBytes and <= MaxPayloadBytes ? (int)length : -1;
    }

    /// <summary>Decodes a whole frame; false when its checksum or layout is wrong.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> frame, out SpoolRecord? record)
    {
        record = null;
        var size = frame.Length - FrameOverhead;
        if (size < MinPayloadBytes || PayloadLength(frame) != size
            || Crc32.HashToUInt32(frame[..(4 + size)]) != BinaryPrimitives.ReadUInt32LittleEndian(frame[(4 + size)..]))
        {
            return false;
        }

        try
        {
            record = Decode(frame.Slice(4, size));
            return true;
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    private static SpoolRecord Decode(ReadOnlySpan<byte> payload)
    {
        var at = 0;
        var topic = ReadString(payload, ref at, twoBytes: true);
        if (string.IsNullOrEmpty(topic))
        {
            throw new InvalidDataException("A spool record has no topic.");
        }

        var key = ReadString(payload, ref at, twoBytes: false);
        var value = ReadBytes(payload, ref at);
        var count = BinaryPrimitives.ReadUInt16LittleEndian(Take(payload, ref at, 2));
        var headers = new List<KeyValuePair<string, byte[]?>>(count);
        for (var i = 0; i < count; i++)
        {
            var name = ReadString(payload, ref at, twoBytes: true)!;
            headers.Add(new(name, ReadBytes(payload, ref at)));
        }

        return at == payload.Length
            ? new SpoolRecord(topic, key, value, headers)
            : throw new InvalidDataException("A spool record has bytes past its last header.");
    }

    private static int PayloadSize(SpoolRecord record)
    {
        var size = 2 + Encoding.UTF8.GetByteCount(record.Topic) + 4 + Utf8Count(record.Key) + 4 + (record.Value?.Length ?? 0) + 2;
        foreach (var (name, value) in record.Headers)
        {
            size += 2 + Encoding.UTF8.GetByteCount(name) + 4 + (value?.Length ?? 0);
        }

        return size;
    }

    private static int Utf8Count(string? text) => text is null ? 0 : Encoding.UTF8.GetByteCount(text);

    private static int WriteString(Span<byte> payload, int at, string? text, bool twoBytes)
    {
        var bytes = text is null ? null : Encoding.UTF8.GetBytes(text);
        if (!twoBytes)
        {
            return WriteBytes(payload, at, bytes);
        }

        if (bytes is null || bytes.Length > ushort.MaxValue)
        {
            throw new ArgumentException("Topics and header names must be at most 65535 UTF-8 bytes.");
        }

        BinaryPrimitives.WriteUInt16LittleEndian(payload[at..], (ushort)bytes.Length);
        bytes.CopyTo(payload[(at + 2)..]);
        return at + 2 + bytes.Length;
    }

    private static int WriteBytes(Span<byte> payload, int at, byte[]? bytes)
    {
        BinaryPrimitives.WriteInt32LittleEndian(payload[at..], bytes?.Length ?? -1);
        bytes?.CopyTo(payload[(at + 4)..]);
        return at + 4 + (bytes?.Length ?? 0);
    }

    private static string? ReadString(ReadOnlySpan<byte> payload, ref int at, bool twoBytes)
    {
        if (twoBytes)
        {
            var length = BinaryPrimitives.ReadUInt16LittleEndian(Take(payload, ref at, 2));
            return Encoding.UTF8.GetString(Take(payload, ref at, length));
        }

        return ReadBytes(payload, ref at) is { } bytes ? Encoding.UTF8.GetString(bytes) : null;
    }

    private static byte[]? ReadBytes(ReadOnlySpan<byte> payload, ref int at)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(Take(payload, ref at, 4));
        return length < 0 ? null : Take(payload, ref at, length).ToArray();
    }

    private static ReadOnlySpan<byte> Take(ReadOnlySpan<byte> payload, ref int at, int count)
    {
        if (count > payload.Length - at)
        {
            throw new InvalidDataException("A spool record ends inside a field.");
        }

        var slice = payload.Slice(at, count);
        at += count;
        return slice;
    }
}
