using System.Globalization;
using System.Runtime.CompilerServices;
using System.Buffers.Binary;

namespace Telemetry.Contract.Samples;

/// <summary>
/// Checks the flatbuffer metadata of every message in an Arrow IPC stream before the Arrow reader sees it: that each
/// table, string and vector the reader walks lies inside its message, and that only schema and record batch messages
/// appear. The reader sizes its arrays by the vectors' counts before reading their elements, so an 11 KB payload whose
/// record batch claims 700 million field nodes made it allocate 6 GB; checked here, it costs a walk of the metadata.
/// </summary>
/// <remarks>
/// The layout is Arrow's <c>Message.fbs</c> and <c>Schema.fbs</c>: a stream is a run of messages, each
/// <c>0xFFFFFFFF</c> (absent in the pre-1.0 format), an int32 metadata length, a flatbuffer <c>Message</c> and a body;
/// a metadata length of 0 ends the stream.
/// </remarks>
internal ref struct ArrowIpcMetadata
{
    private const int MaxFieldDepth = 64;
    private const byte SchemaHeader = 1;
    private const byte RecordBatchHeader = 3;

    private readonly ReadOnlySpan<byte> _metadata;

    private ArrowIpcMetadata(ReadOnlySpan<byte> metadata) => _metadata = metadata;

    /// <summary>Throws unless every message's metadata is well formed and lies within the payload.</summary>
    /// <exception cref="SampleDecodeException">It is not (<see cref="SampleDecodeError.NotArrow"/>).</exception>
    public static void Check(ReadOnlySpan<byte> payload)
    {
        var position = 0;
        while (payload.Length - position >= 8)
        {
            if (BinaryPrimitives.ReadInt32LittleEndian(payload[position..]) == -1)
            {
                position += 4;
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(payload[position..]);
            position += 4;
            if (length == 0)
            {
                return;
            }

            Require(length > 0 && length <= payload.Length - position, $"a message claims {length} bytes of metadata");
            var body = new ArrowIpcMetadata(payload.Slice(position, length)).CheckMessage();
            position += length;
            Require(body >= 0 && body <= payload.Length - position, $"a message claims a body of {body} bytes");
            position += (int)body;
        }
    }

    /// <summary>
    /// Reads where a record batch message's row count, field nodes and buffers lie in its metadata (positions in
    /// <paramref name="metadata"/>, bounds checked); false when the message is not a record batch.
    /// </summary>
    public static bool TryReadRecordBatch(ReadOnlySpan<byte> metadata, out RecordBatchLayout layout)
    {
        var reader = new ArrowIpcMetadata(metadata);
        var message = reader.Table(reader.Offset(0));
        var type = reader.Field(message, 1);
        var header = reader.Field(message, 2);
        var body = reader.Field(message, 3);
        layout = default;
        if (type < 0 || header < 0 || reader.Byte(type) != RecordBatchHeader)
        {
            return false;
        }

        var table = reader.Table(reader.Offset(header));
        var length = reader.Field(table, 0);
        var nodes = reader.Field(table, 1);
        var buffers = reader.Field(table, 2);
        layout = new RecordBatchLayout(
            length < 0 ? 0 : BinaryPrimitives.ReadInt64LittleEndian(reader.Slice(length, 8)),
            body < 0 ? 0 : BinaryPrimitives.ReadInt64LittleEndian(reader.Slice(body, 8)),
            nodes < 0 ? 0 : reader.Offset(nodes) + 4,
            reader.CheckVector(nodes, 16),
            buffers < 0 ? 0 : reader.Offset(buffers) + 4,
            reader.CheckVector(buffers, 16),
            reader.Field(table, 3) >= 0);
        return true;
    }

    // The body length of a Message table at the root of the metadata.
    private readonly long CheckMessage()
    {
        var message = Table(Offset(0));
        var type = Field(message, 1);
        var header = Field(message, 2);
        Require(type >= 0 && header >= 0, "a message has no header");
        var table = Table(Offset(header));
        switch (Byte(type))
        {
            case SchemaHeader:
                CheckFields(Field(table, 1), 0);
                CheckVector(Field(table, 2), 4);
                CheckVector(Field(table, 3), 8);
                break;
            case RecordBatchHeader:
                CheckVector(Field(table, 1), 16);
                CheckVector(Field(table, 2), 16);
                CheckVector(Field(table, 4), 8);
                break;
            default:
                throw Invalid($"message type {Byte(type)} is not a schema or a record batch");
        }

        CheckVector(Field(message, 4), 4);
        var body = Field(message, 3);
        return body < 0 ? 0 : BinaryPrimitives.ReadInt64LittleEndian(Slice(body, 8));
    }

    private readonly void CheckFields(int vectorField, int depth)
    {
        Require(depth < MaxFieldDepth, $"fields nest deeper than {MaxFieldDepth}");
        var count = CheckVector(vectorField, 4);
        for (var i = 0; i < count; i++)
        {
            var element = Offset(vectorField) + 4 + (i * 4);
            var field = Table(Offset(element));
            CheckVector(Field(field, 0), 1);
            CheckFields(Field(field, 5), depth + 1);
            CheckVector(Field(field, 6), 4);
        }
    }

    // The count of the vector (or string) a field points to, checked to lie inside the metadata; 0 when absent.
    private readonly int CheckVector(int field, int elementSize)
    {
        if (field < 0)
        {
            return 0;
        }

        var vector = Offset(field);
        var count = BinaryPrimitives.ReadInt32LittleEndian(Slice(vector, 4));
        Require(count >= 0 && count <= (_metadata.Length - vector - 4) / elementSize, $"a vector claims {count} elements");
        return count;
    }

    // The position a uoffset at this position points to.
    private readonly int Offset(int at)
    {
        var offset = BinaryPrimitives.ReadInt32LittleEndian(Slice(at, 4));
        Require(offset >= 0 && offset < _metadata.Length - at, "an offset points outside its message");
        return at + offset;
    }

    // A table's position, its vtable checked to lie inside the metadata.
    private readonly int Table(int at)
    {
        var vtable = (long)at - BinaryPrimitives.ReadInt32LittleEndian(Slice(at, 4));
        Require(vtable >= 0 && vtable <= _metadata.Length - 4, "a table's vtable lies outside its message");
        var size = BinaryPrimitives.ReadUInt16LittleEndian(Slice((int)vtable, 2));
        Require(size >= 4 && size % 2 == 0 && vtable + size <= _metadata.Length, "a vtable runs outside its message");
        return at;
    }

    // The position of a table's field, or -1 when its vtable leaves it out.
    private readonly int Field(int table, int index)
    {
        var vtable = table - BinaryPrimitives.ReadInt32LittleEndian(Slice(table, 4));
        var slot = 4 + (2 * index);
        if (slot >= BinaryPrimitives.ReadUInt16LittleEndian(Slice(vtable, 2)))
        {
            return -1;
        }

        var offset = BinaryPrimitives.ReadUInt16LittleEndian(Slice(vtable + slot, 2));
        return offset == 0 ? -1 : table + offset;
    }

    private readonly byte Byte(int at) => Slice(at, 1)[0];

    private readonly ReadOnlySpan<byte> Slice(int at, int length)
    {
        Require(at >= 0 && at <= _metadata.Length - length, "a value lies outside its message");
        return _metadata.Slice(at, length);
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw Invalid(problem);
        }
    }

    // The problem's text is formatted only when the condition fails: every message of every payload is checked, and
    // formatting a text for each check would cost more than the checks.
    private static void Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref ProblemText problem)
    {
        if (!condition)
        {
            throw Invalid(problem.ToStringAndClear());
        }
    }

    /// <summary>The text of a failed check, built only when it failed.</summary>
    [InterpolatedStringHandler]
    private ref struct ProblemText
    {
        private DefaultInterpolatedStringHandler _text;

        public ProblemText(int literalLength, int formattedCount, bool condition, out bool failed)
        {
            failed = !condition;
            _text = failed ? new DefaultInterpolatedStringHandler(literalLength, formattedCount, CultureInfo.InvariantCulture) : default;
        }

        public void AppendLiteral(string value) => _text.AppendLiteral(value);

        public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

        public string ToStringAndClear() => _text.ToStringAndClear();
    }

    private static SampleDecodeException Invalid(string problem) => new(SampleDecodeError.NotArrow, $"Not an Arrow IPC stream: {problem}.");
}
