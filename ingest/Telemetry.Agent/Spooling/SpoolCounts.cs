namespace Telemetry.Agent.Spooling;

/// <summary>What a <see cref="DiskSpool"/> holds and has lost, at one moment.</summary>
/// <param name="Pending">Records on disk waiting to be read.</param>
/// <param name="Leased">Records read (or written) while in flight to Kafka, not yet acknowledged or released.</param>
/// <param name="Dropped">Records dropped from a spool past its cap, or from a segment found damaged while reading.</param>
/// <param name="Recovered">Unacknowledged records found on opening.</param>
/// <param name="TornTails">Segments whose end was cut on opening because their last frame was incomplete or damaged.</param>
/// <param name="TornBytes">Bytes cut from those segments.</param>
/// <param name="Bytes">Size of the segment files.</param>
internal readonly record struct SpoolCounts(
    DeliveryCount Pending,
    long Leased,
    DeliveryCount Dropped,
    DeliveryCount Recovered,
    long TornTails,
    long TornBytes,
    long Bytes);
