namespace Telemetry.Analytics.Tests.Influx;

/// <summary>A name a SELECT reads, and the innermost function it is read through (null when selected bare).</summary>
internal sealed record SelectedName(string Name, string? Function);
