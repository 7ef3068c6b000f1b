namespace Telemetry.Analytics.Gpus;

/// <summary>
/// What an interval needs of the sample that opens it: the readings at its start. A reading the sample lacks is NaN
/// (8 bytes a reading instead of a nullable's 16: every row writes one of these and reads another).
/// </summary>
internal readonly record struct SampleSnapshot(
    long Time,
    long? EnergyMilliJoules,
    double Power,
    double SmActive,
    double TensorActive,
    double DramActive,
    double LinkBytesPerSecond,
    double MemoryShare,
    double ClockRatio,
    long? ClockEventReasons);
