namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>One row of an <c>nvidia-smi dmon</c> table: a GPU index and its values.</summary>
/// <param name="Gpu">The GPU's index on the node (dmon prints no UUID).</param>
/// <param name="Values">One value per <see cref="Contract.Fields.FieldCatalog"/> field, in catalog order, null where dmon has no column or printed <c>-</c>.</param>
internal sealed record DmonReading(int Gpu, double?[] Values);
