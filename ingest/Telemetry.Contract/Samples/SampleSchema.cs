using Apache.Arrow;
using Apache.Arrow.Types;
using Telemetry.Contract.Fields;

namespace Telemetry.Contract.Samples;

/// <summary>
/// The Arrow schema of a sample batch: identity columns, then one nullable column per catalog field in catalog order.
/// </summary>
public static class SampleSchema
{
    /// <summary>The version of this schema; carried in the schema metadata and in every message's headers.</summary>
    public const int Version = 1;

    /// <summary>Schema metadata key holding <see cref="Version"/>.</summary>
    public const string VersionMetadataKey = "telemetry.schema_version";

    /// <summary>Field metadata key holding a column's DCGM field ID.</summary>
    public const string FieldIdMetadataKey = "dcgm.field_id";

    /// <summary>Field metadata key holding a column's unit.</summary>
    public const string UnitMetadataKey = "unit";

    /// <summary>Sample time, milliseconds since the Unix epoch, UTC.</summary>
    public const string Time = "time";
    /// <summary>Node host name.</summary>
    public const string Node = "node";
    /// <summary>GPU UUID.</summary>
    public const string GpuUuid = "gpu_uuid";
    /// <summary>GPU index on the node.</summary>
    public const string GpuIndex = "gpu_index";
    /// <summary>MIG GPU instance ID, null for a whole GPU.</summary>
    public const string MigInstance = "mig_instance";
    /// <summary>MIG profile, null for a whole GPU.</summary>
    public const string MigProfile = "mig_profile";
    /// <summary>GPU product name.</summary>
    public const string GpuModel = "gpu_model";

    /// <summary>Number of identity columns before the first field column.</summary>
    public const int IdentityColumnCount = 7;

    /// <summary>The schema, built once.</summary>
    public static Schema Schema { get; } = Build();

    /// <summary>Column index of the field with this catalog ordinal.</summary>
    public static int ColumnOf(int fieldOrdinal) => IdentityColumnCount + fieldOrdinal;

    /// <summary>The Arrow type a field's column has.</summary>
    public static IArrowType ArrowTypeOf(FieldValueType type) => type switch
    {
        FieldValueType.FloatingPoint => FloatType.Default,
        FieldValueType.WholeNumber => Int64Type.Default,
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Unknown field value type."),
    };

    private static Schema Build()
    {
        var builder = new Schema.Builder()
            .Field(f => f.Name(Time).DataType(new TimestampType(TimeUnit.Millisecond, "UTC")).Nullable(false))
            .Field(f => f.Name(Node).DataType(StringType.Default).Nullable(false))
            .Field(f => f.Name(GpuUuid).DataType(StringType.Default).Nullable(false))
            .Field(f => f.Name(GpuIndex).DataType(Int32Type.Default).Nullable(false))
            .Field(f => f.Name(MigInstance).DataType(Int32Type.Default).Nullable(true))
            .Field(f => f.Name(MigProfile).DataType(StringType.Default).Nullable(true))
            .Field(f => f.Name(GpuModel).DataType(StringType.Default).Nullable(false));
        foreach (var field in FieldCatalog.All)
        {
            builder.Field(f => f
                .Name(field.Name)
                .DataType(ArrowTypeOf(field.ValueType))
                .Nullable(true)
                .Metadata(FieldIdMetadataKey, field.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .Metadata(UnitMetadataKey, field.Unit));
        }

        return builder.Metadata(VersionMetadataKey, Version.ToString(System.Globalization.CultureInfo.InvariantCulture)).Build();
    }
}
