namespace Telemetry.Analytics.Reporting;

/// <summary>A health event: an XID, or a stretch of throttling.</summary>
/// <param name="Node">Node.</param>
/// <param name="GpuUuid">GPU UUID.</param>
/// <param name="GpuIndex">GPU index on the node.</param>
/// <param name="Kind">xid or throttling.</param>
/// <param name="Detail">The XID code, or the seconds throttled.</param>
/// <param name="FirstSeen">Start of the first window it was seen in.</param>
/// <param name="MaxGpuTempC">Highest GPU temperature in those windows.</param>
/// <param name="MaxMemoryTempC">Highest memory temperature in those windows.</param>
public sealed record HealthReport(string Node, string GpuUuid, int GpuIndex, string Kind, string Detail, DateTimeOffset FirstSeen, double? MaxGpuTempC, double? MaxMemoryTempC);
