namespace Telemetry.Analytics.Gpus;

/// <summary>What an interval needs of the sample that opens it: the readings at its start.</summary>
internal readonly record struct SampleSnapshot(
    long Time,
    long? EnergyMilliJoules,
    double? Power,
    double SmActive,
    double? TensorActive,
    double? DramActive,
    double? LinkBytesPerSecond,
    double? MemoryShare,
    double ClockRatio,
    long? ClockEventReasons);
