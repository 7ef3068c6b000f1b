using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Collectors;

/// <summary>One GPU's (or MIG instance's) readings from one collection, one value per catalog field, null where unknown.</summary>
/// <param name="Gpu">The GPU.</param>
/// <param name="Values">One value per <see cref="Contract.Fields.FieldCatalog"/> field, in catalog order.</param>
/// <param name="TimeUnixMs">When the collector says the values were read, or null to use the collection time.</param>
public sealed record GpuReading(GpuIdentity Gpu, double?[] Values, long? TimeUnixMs = null)
{
    /// <summary>A reading with every value null.</summary>
    public static GpuReading Empty(GpuIdentity gpu) => new(gpu, new double?[Contract.Fields.FieldCatalog.Count]);
}
