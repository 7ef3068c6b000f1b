namespace Telemetry.Cli.Demo;

/// <summary>A snapshot of the running demo.</summary>
internal sealed record DemoProgress(
    DateTimeOffset SimulatedTime,
    double SimulatedShare,
    long SamplesProduced,
    long SamplesAggregated,
    long SamplesLate,
    long WindowsClosed,
    long Lag,
    long Parked,
    double SamplesPerSecond);
