namespace Telemetry.Contract.Samples;

/// <summary>Which GPU (or MIG instance) a sample row describes.</summary>
/// <param name="Node">Host name of the node.</param>
/// <param name="Uuid">The GPU's UUID, as NVML and DCGM report it (<c>GPU-…</c>).</param>
/// <param name="Index">The GPU's index on the node.</param>
/// <param name="Model">The product name (<c>NVIDIA H100 80GB HBM3</c>).</param>
/// <param name="MigInstance">GPU instance ID when the row is a MIG instance; null for a whole GPU.</param>
/// <param name="MigProfile">MIG profile name (<c>1g.10gb</c>) when the row is a MIG instance.</param>
public sealed record GpuIdentity(string Node, string Uuid, int Index, string Model, int? MigInstance = null, string? MigProfile = null)
{
    /// <summary>
    /// How allocation events name this GPU: its UUID, or for a MIG instance <c>UUID/GPU instance id</c>, since MIG
    /// instances are allocated on their own.
    /// </summary>
    public string AllocationKey => KeyOf(Uuid, MigInstance);

    /// <summary>The allocation key of a GPU UUID and an optional MIG GPU instance id.</summary>
    public static string KeyOf(string uuid, int? migInstance) =>
        migInstance is { } mig ? uuid + "/" + mig.ToString(System.Globalization.CultureInfo.InvariantCulture) : uuid;
}
