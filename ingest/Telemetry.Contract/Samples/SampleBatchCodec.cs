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
    public static SampleBatch Decode(ReadOnlyMemory<byte> payload, int maxPayloadBytes = DefaultMaxPayloadBytes, int maxRows = DefaultMaxRows)
    {
        if (payload.Length > maxPayloadBytes)
        {
            throw new SampleDecodeException(SampleDecodeError.TooLarge, $"Payload of {payload.Length} bytes exceeds the bound of {maxPayloadBytes} bytes.");
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

            var result = new SampleBatch(batch, Validate(batch.Schema, batch));
            batch = null;
            return result;
        }
        finally
        {
            batch?.Dispose();
        }
    }

    private static RecordBatch ReadSingleBatch(ReadOnlyMemory<byte> payload)
    {
        RecordBatch? first = null;
        try
        {
            ArrowIpcMetadata.Check(payload.Span);
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

    private static IArrowArray?[] Validate(Schema schema, RecordBatch batch)
    {
        if (!schema.HasMetadata || !schema.Metadata.TryGetValue(SampleSchema.VersionMetadataKey, out var version))
        {
            throw new SampleDecodeException(SampleDecodeError.UnsupportedVersion, $"The schema has no '{SampleSchema.VersionMetadataKey}' metadata.");
        }

        if (version != SampleSchema.Version.ToString(CultureInfo.InvariantCulture))
        {
            throw new SampleDecodeException(SampleDecodeError.UnsupportedVersion, $"Schema version '{version}' is not supported; this build reads version {SampleSchema.Version}.");
        }

        Require(batch, SampleSchema.Time, ArrowTypeId.Timestamp);
        Require(batch, SampleSchema.Node, ArrowTypeId.String);
        Require(batch, SampleSchema.GpuUuid, ArrowTypeId.String);
        Require(batch, SampleSchema.GpuIndex, ArrowTypeId.Int32);
        Require(batch, SampleSchema.GpuModel, ArrowTypeId.String);
        Optional(schema, SampleSchema.MigInstance, ArrowTypeId.Int32);
        Optional(schema, SampleSchema.MigProfile, ArrowTypeId.String);
        if (((TimestampType)schema.GetFieldByName(SampleSchema.Time).DataType).Unit != TimeUnit.Millisecond)
        {
            throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, "Column 'time' must be a timestamp in milliseconds.");
        }

        var fields = new IArrowArray?[FieldCatalog.Count];
        for (var ordinal = 0; ordinal < fields.Length; ordinal++)
        {
            var definition = FieldCatalog.All[ordinal];
            var index = schema.GetFieldIndex(definition.Name);
            if (index < 0)
            {
                continue;
            }

            var column = batch.Column(index);
            if (!SampleBatch.IsFieldType(column, definition.ValueType))
            {
                throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Column '{definition.Name}' has type {column.Data.DataType.Name}; expected {definition.ValueType}.");
            }

            fields[ordinal] = column;
        }

        return fields;
    }

    // Identity columns may be declared nullable (pyarrow's default) but must hold no nulls.
    private static void Require(RecordBatch batch, string name, ArrowTypeId type)
    {
        var schema = batch.Schema;
        var index = schema.GetFieldIndex(name);
        if (index < 0)
        {
            throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Required column '{name}' is missing.");
        }

        var field = schema.GetFieldByIndex(index);
        if (field.DataType.TypeId != type)
        {
            throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Column '{name}' has type {field.DataType.Name}; expected {type}.");
        }

        var nulls = batch.Column(index).NullCount;
        if (nulls > 0)
        {
            throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Column '{name}' has {nulls} null values; it must have none.");
        }
    }

    private static void Optional(Schema schema, string name, ArrowTypeId type)
    {
        var index = schema.GetFieldIndex(name);
        if (index >= 0 && schema.GetFieldByIndex(index).DataType.TypeId != type)
        {
            throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Column '{name}' has type {schema.GetFieldByIndex(index).DataType.Name}; expected {type}.");
        }
    }
}
