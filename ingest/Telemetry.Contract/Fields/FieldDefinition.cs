namespace Telemetry.Contract.Fields;

/// <summary>One DCGM field as the pipeline knows it.</summary>
/// <param name="Id">DCGM numeric field ID, from <c>dcgm_fields.h</c>.</param>
/// <param name="Name">Canonical name: the Arrow column name and the name used in reports.</param>
/// <param name="Unit">Unit of the values as they travel (after any conversion by the collector).</param>
/// <param name="Kind">Gauge, counter or bitmask.</param>
/// <param name="ValueType">Arrow column type.</param>
/// <param name="DcgmName">The classic macro name, e.g. <c>DCGM_FI_DEV_GPU_TEMP</c>, which dcgm-exporter uses as metric name.</param>
/// <param name="Dcgm4Name">The primary name in DCGM 4.6 (which renamed many fields under its field naming standard, keeping the IDs and the old names as aliases); the classic name where unchanged.</param>
/// <param name="Description">What the value means.</param>
public sealed record FieldDefinition(
    ushort Id,
    string Name,
    string Unit,
    FieldKind Kind,
    FieldValueType ValueType,
    string DcgmName,
    string Dcgm4Name,
    string Description);
