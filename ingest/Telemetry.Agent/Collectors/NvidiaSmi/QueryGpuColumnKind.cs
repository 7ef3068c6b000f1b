namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>What a <c>--query-gpu</c> column holds for the collector.</summary>
internal enum QueryGpuColumnKind
{
    /// <summary>A column the collector does not use.</summary>
    Ignored,
    /// <summary>The GPU's index on the node.</summary>
    Index,
    /// <summary>The GPU's UUID.</summary>
    Uuid,
    /// <summary>The product name.</summary>
    Name,
    /// <summary>A decimal number for a catalog field, maybe followed by its unit.</summary>
    Number,
    /// <summary>A hexadecimal bitmask (<c>0x...</c>) for a catalog field.</summary>
    Bitmask,
}
