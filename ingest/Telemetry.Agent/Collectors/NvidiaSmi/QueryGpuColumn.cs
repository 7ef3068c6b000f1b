namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>Where one <c>--query-gpu</c> column goes.</summary>
/// <param name="Kind">What the column holds.</param>
/// <param name="Ordinal">The catalog ordinal of the field for <see cref="QueryGpuColumnKind.Number"/> and <see cref="QueryGpuColumnKind.Bitmask"/>; -1 otherwise.</param>
internal readonly record struct QueryGpuColumn(QueryGpuColumnKind Kind, int Ordinal = -1)
{
    /// <summary>A column the collector does not use.</summary>
    public static QueryGpuColumn Ignored => new(QueryGpuColumnKind.Ignored);
}
