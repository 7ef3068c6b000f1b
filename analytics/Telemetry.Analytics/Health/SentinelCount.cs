namespace Telemetry.Analytics.Health;

/// <summary>Values of one field that a node's collectors received as DCGM's or NVML's "no value" sentinel and dropped.</summary>
/// <param name="Node">Node whose agent counted them.</param>
/// <param name="Field">Canonical field name (the catalog's, e.g. <c>power_usage</c>).</param>
/// <param name="Reason">The sentinel's meaning (blank, not found, not supported, no permission, ...).</param>
/// <param name="Count">Values dropped.</param>
/// <param name="From">Start of the period counted.</param>
/// <param name="To">End of the period counted.</param>
public sealed record SentinelCount(string Node, string Field, string Reason, long Count, DateTimeOffset From, DateTimeOffset To);
