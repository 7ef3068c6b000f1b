namespace Telemetry.Analytics.Health;

/// <summary>Something about a GPU or node that an SRE should know, with what to do about it.</summary>
/// <param name="Node">Node.</param>
/// <param name="GpuUuid">GPU UUID; null for a finding about the whole node (its agent, its collectors).</param>
/// <param name="GpuIndex">GPU index on the node; null with <paramref name="GpuUuid"/>.</param>
/// <param name="Kind">What was found, one of <see cref="HealthKinds"/>.</param>
/// <param name="Severity">How urgent it is.</param>
/// <param name="Detail">What was seen, with the figures.</param>
/// <param name="Action">What to do, in plain words.</param>
/// <param name="FirstSeen">Start of the first window it was seen in.</param>
/// <param name="LastSeen">End of the last window it was seen in.</param>
/// <param name="Count">Events (XIDs, ECC errors, remapped rows, blank values) or, for conditions, windows; <see cref="HealthKinds"/> says which.</param>
public sealed record HealthFinding(
    string Node,
    string? GpuUuid,
    int? GpuIndex,
    string Kind,
    HealthSeverity Severity,
    string Detail,
    string Action,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    long Count);
