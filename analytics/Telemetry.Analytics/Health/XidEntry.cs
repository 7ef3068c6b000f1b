namespace Telemetry.Analytics.Health;

/// <summary>What an XID code means and what to do about it.</summary>
/// <param name="Code">The XID number.</param>
/// <param name="Mnemonic">The driver's name for it (<c>nverror.h</c>), e.g. <c>ROBUST_CHANNEL_GPU_ECC_DBE</c>.</param>
/// <param name="Description">NVIDIA's description.</param>
/// <param name="Category">Where it most likely comes from.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="ResolutionBucket">NVIDIA's immediate action in its XID catalog (<c>RESET_GPU</c>, <c>RESTART_APP</c>, <c>RESTART_BM</c>, <c>IGNORE</c>, ...), for automation.</param>
/// <param name="Action">What an SRE should do, in plain words.</param>
public sealed record XidEntry(
    long Code,
    string Mnemonic,
    string Description,
    XidCategory Category,
    HealthSeverity Severity,
    string ResolutionBucket,
    string Action);
