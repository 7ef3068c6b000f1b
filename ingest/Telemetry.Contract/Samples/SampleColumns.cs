using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;
using Telemetry.Contract.Fields;

namespace Telemetry.Contract.Samples;

/// <summary>
/// Where a sample batch's columns are in a schema that has passed the contract's checks: the identity columns, and per
/// catalog field its column or -1. Found once per schema instance (the last one is kept), since a decoder that reuses
/// a schema sees the same one again and again, and looking columns up by name costs more than reading the rows.
/// </summary>
internal sealed class SampleColumns
{
    private static SampleColumns? _last;

    private SampleColumns(Schema schema)
    {
        Schema = schema;
        Time = Required(schema, SampleSchema.Time, ArrowTypeId.Timestamp);
        Node = Required(schema, SampleSchema.Node, ArrowTypeId.String);
        GpuUuid = Required(schema, SampleSchema.GpuUuid, ArrowTypeId.String);
        GpuIndex = Required(schema, SampleSchema.GpuIndex, ArrowTypeId.Int32);
        GpuModel = Required(schema, SampleSchema.GpuModel, ArrowTypeId.String);
        MigInstance = Optional(schema, SampleSchema.MigInstance, ArrowTypeId.Int32);
        MigProfile = Optional(schema, SampleSchema.MigProfile, ArrowTypeId.String);
        if (((TimestampType)schema.GetFieldByIndex(Time).DataType).Unit != TimeUnit.Millisecond)
        {
            throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, "Column 'time' must be a timestamp in milliseconds.");
        }

        Fields = new int[FieldCatalog.Count];
        for (var ordinal = 0; ordinal < Fields.Length; ordinal++)
        {
            var definition = FieldCatalog.All[ordinal];
            var index = IndexOf(schema, definition.Name);
            Fields[ordinal] = index;
            var type = index < 0 ? null : schema.GetFieldByIndex(index).DataType;
            if (type is not null && type.TypeId != SampleSchema.ArrowTypeOf(definition.ValueType).TypeId)
            {
                throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Column '{definition.Name}' has type {type.Name}; expected {definition.ValueType}.");
            }
        }
    }

    public Schema Schema { get; }

    public int Time { get; }

    public int Node { get; }

    public int GpuUuid { get; }

    public int GpuIndex { get; }

    public int GpuModel { get; }

    /// <summary>The MIG instance column, or -1.</summary>
    public int MigInstance { get; }

    /// <summary>The MIG profile column, or -1.</summary>
    public int MigProfile { get; }

    /// <summary>Per catalog ordinal, its column, or -1.</summary>
    public int[] Fields { get; }

    /// <summary>The columns of a schema, checked against the contract.</summary>
    /// <exception cref="SampleDecodeException">The schema is not a sample schema this build reads.</exception>
    public static SampleColumns Of(Schema schema)
    {
        if (Volatile.Read(ref _last) is { } last && ReferenceEquals(last.Schema, schema))
        {
            return last;
        }

        if (!schema.HasMetadata || !schema.Metadata.TryGetValue(SampleSchema.VersionMetadataKey, out var version))
        {
            throw new SampleDecodeException(SampleDecodeError.UnsupportedVersion, $"The schema has no '{SampleSchema.VersionMetadataKey}' metadata.");
        }

        if (version != SampleSchema.Version.ToString(CultureInfo.InvariantCulture))
        {
            throw new SampleDecodeException(SampleDecodeError.UnsupportedVersion, $"Schema version '{version}' is not supported; this build reads version {SampleSchema.Version}.");
        }

        var columns = new SampleColumns(schema);
        Volatile.Write(ref _last, columns);
        return columns;
    }

    private static int IndexOf(Schema schema, string name)
    {
        var fields = schema.FieldsList;
        for (var i = 0; i < fields.Count; i++)
        {
            if (string.Equals(fields[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    private static int Required(Schema schema, string name, ArrowTypeId type)
    {
        var index = IndexOf(schema, name);
        if (index < 0)
        {
            throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Required column '{name}' is missing.");
        }

        return Typed(schema, index, name, type);
    }

    private static int Optional(Schema schema, string name, ArrowTypeId type)
    {
        var index = IndexOf(schema, name);
        return index < 0 ? -1 : Typed(schema, index, name, type);
    }

    private static int Typed(Schema schema, int index, string name, ArrowTypeId type)
    {
        var field = schema.GetFieldByIndex(index);
        if (field.DataType.TypeId != type)
        {
            throw new SampleDecodeException(SampleDecodeError.SchemaMismatch, $"Column '{name}' has type {field.DataType.Name}; expected {type}.");
        }

        return index;
    }
}
