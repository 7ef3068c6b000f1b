namespace Telemetry.Analytics.Health;

/// <summary>A memory (HBM) temperature limit for the GPU models whose product name contains <paramref name="Match"/>.</summary>
/// <param name="Match">Text the product name contains (case-insensitive); the first matching limit wins.</param>
/// <param name="LimitCelsius">Memory temperature above which the GPU slows down.</param>
public sealed record HbmTempLimit(string Match, double LimitCelsius);
