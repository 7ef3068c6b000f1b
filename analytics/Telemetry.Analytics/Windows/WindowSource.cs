namespace Telemetry.Analytics.Windows;

/// <summary>
/// One Kafka partition a window was built from, and the range of message offsets whose data it holds: the window's
/// provenance in the ledger, and how an instance that takes the partition over knows which of its messages a window
/// written elsewhere already holds.
/// </summary>
/// <param name="WindowStart">Window start, Unix milliseconds.</param>
/// <param name="WindowEnd">Window end (exclusive).</param>
/// <param name="Topic">The topic.</param>
/// <param name="Partition">The partition.</param>
/// <param name="FirstOffset">The lowest offset of a message whose data is in the window.</param>
/// <param name="LastOffset">The highest such offset.</param>
public sealed record WindowSource(long WindowStart, long WindowEnd, string Topic, int Partition, long FirstOffset, long LastOffset);
