using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Telemetry.Contract.Fields;

namespace Telemetry.Contract.Samples;

/// <summary>
/// Encodes a sample batch as a complete Arrow IPC stream (schema, one record batch, end marker), so that any Arrow
/// implementation reads a message value as it is, and decodes such a stream with bounds and schema checks.
/// </summary>
public static class SampleBatchCodec
{
    /// <summary>Default bound on an encoded payload: 16 MiB.</summary>
    public const int DefaultMaxPayloadBytes = 16 * 1024 * 1024;

    /// <summary>Default bound on rows in one batch.</summary>
    public const int DefaultMaxRows = 1_000_000;

    /// <summary>Encodes one record batch as an Arrow IPC stream.</summary>
    public static byte[] Encode(RecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        using var stream = new MemoryStream(1024 + (batch.Length * 64));
        using (var writer = new ArrowStreamWriter(stream, batch.Schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(batch);
            writer.WriteEnd();
        }

        return stream.ToArray();
    }

    /// <summary>Decodes an Arrow IPC stream into a sample batch.</summary>
    /// <exception cref="SampleDecodeException">The payload is not a valid sample batch; <c>Error</c> says why.</exception>
    public static SampleBatch Decode(ReadOnlyMemory<byte> payload, int maxPayloadBytes = DefaultMaxPayloadBytes, int maxRows = DefaultMaxRows) =>
        Decode(payload, maxPayloadBytes, maxRows, reuse: null);

    /// <summary>
    /// Decodes as <see cref="Decode(ReadOnlyMemory{byte}, int, int)"/>; a batch read in place goes into
    /// <paramref name="reuse"/> (a batch read in place before) instead of a new object, which then no longer holds its
    /// earlier rows, whatever the outcome.
    /// </summary>
    internal static SampleBatch Decode(ReadOnlyMemory<byte> payload, int maxPayloadBytes, int maxRows, SampleBatch? reuse)
    {
        if (payload.Length > maxPayloadBytes)
        {
            throw new SampleDecodeException(SampleDecodeError.TooLarge, $"Payload of {payload.Length} bytes exceeds the bound of {maxPayloadBytes} bytes.");
        }

        if (ReadInPlace(payload, reuse?.Payload) is { } columns)
        {
            if (columns.Rows > maxRows)
            {
                throw new SampleDecodeException(SampleDecodeError.TooLarge, $"Batch of {columns.Rows} rows exceeds the bound of {maxRows} rows.");
            }

            columns.CheckBounds();
            var sampleColumns = SampleColumns.Of(columns.Schema);
            CheckIdentity(sampleColumns, columns.Schema, columns, null);
            if (reuse is not null)
            {
                reuse.Reset(sampleColumns);
                return reuse;
            }

            return new SampleBatch(columns, sampleColumns);
        }

        RecordBatch? batch = null;
        try
        {
            batch = ReadSingleBatch(payload);
            if (batch.Length > maxRows)
            {
                throw new SampleDecodeException(SampleDecodeError.TooLarge, $"Batch of {batch.Length} rows exceeds the bound of {maxRows} rows.");
            }

            ArrowColumnBounds.Check(batch);
            var sampleColumns = SampleColumns.Of(batch.Schema);
            CheckIdentity(sampleColumns, batch.Schema, null, batch);
            var result = new SampleBatch(batch, sampleColumns);
            CachedSchemaReader.Remember(payload.Span, batch.Schema);
            batch = null;
            return result;
        }
        finally
        {
            batch?.Dispose();
        }
    }

    // The batch read where it lies, when its schema is the one last seen; null otherwise.
    private static PayloadColumns? ReadInPlace(ReadOnlyMemory<byte> payload, PayloadColumns? reuse)
    {
        try
        {
            // Checks the messages' metadata, all of it or, after a schema message already seen, the rest.
            return CachedSchemaReader.TryRead(payload, reuse);
        }
        catch (Exception e) when (e is not SampleDecodeException)
        {
            throw new SampleDecodeException(SampleDecodeError.NotArrow, $"Not an Arrow IPC stream: {e.Message}", e);
        }
    }

    private static RecordBatch ReadSingleBatch(ReadOnlyMemory<byte> payload)
    {
        RecordBatch? first = null;
        try
        {
            using var reader = new ArrowStreamReader(payload);
            first = reader.ReadNextRecordBatch()
                ?? throw new SampleDecodeException(SampleDecodeError.BatchCount, "The Arrow stream holds no record batch.");
            using var second = reader.ReadNextRecordBatch();
            if (second is not null)
            {
                throw new SampleDecodeException(SampleDecodeError.BatchCount, "The Arrow stream holds more than one record batch.");
            }

            var result = first;
            first = null;
            return result;
        }
        catch (Exception e) when (e is not SampleDecodeException)
        {
            throw new SampleDecodeException(SampleDecodeError.NotArrow, $"Not an Arrow IPC stream: {e.Message}", e);
        }
        finally
        {
            first?.Dispose();
        }
    }

    // Identity columns may be declared nullable (pyarrow's default) but must hold no nulls.
    private static void CheckIdentity(SampleColumns columns, Schema schema, PayloadColumns? payload, RecordBatch? batch)
    {
        foreach (var index in (ReadOnlySpan<int>)[columns.Time, columns.Node, columns.GpuUuid, columns.GpuIndex, columns.GpuModel])
        {
            if ((payload?.NullCount(index) ?? batch!.Column(index).NullCount) is var count and > 0)
            {
                throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Column '{schema.GetFieldByIndex(index).Name}' has {count} null values; it must have none.");
            }
        }
    }
}
