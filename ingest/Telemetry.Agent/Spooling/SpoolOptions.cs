namespace Telemetry.Agent.Spooling;

/// <summary>
/// Settings of an agent's disk spool: where it lives, how large it may grow, and when the agent turns to it.
/// Every default is documented; <see cref="Validate"/> names a bad setting.
/// </summary>
public sealed class SpoolOptions
{
    /// <summary>Directory of the spool, one per agent; it survives restarts. Required.</summary>
    public string Directory { get; set; } = "";

    /// <summary>Size cap of the spool on disk; past it the oldest segments are dropped and counted as loss. Default 1 GiB.</summary>
    public long MaxBytes { get; set; } = 1L << 30;

    /// <summary>Size of one segment file, the unit in which the spool drops data. Default 4 MiB.</summary>
    public int SegmentBytes { get; set; } = 4 << 20;

    /// <summary>
    /// Whether every record is flushed to the device before it counts as spooled (true, default), or left to the
    /// operating system until the segment is full or the agent stops. False survives a crash of the agent, not of the node.
    /// </summary>
    public bool SyncEveryRecord { get; set; } = true;

    /// <summary>Messages the agent lets the Kafka producer hold at once; more than that means Kafka is slow, and new ones spool. Default 1000.</summary>
    public int MaxInFlightMessages { get; set; } = 1000;

    /// <summary>A message still unacknowledged after this long means Kafka is slow or unreachable, and the agent starts spooling. Default 10 s.</summary>
    public TimeSpan SpoolAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After trouble, how long the agent waits before it tries Kafka again with one spooled message. Default 2 s.</summary>
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the agent looks at Kafka's state and sends spooled messages. Default 100 ms.</summary>
    public TimeSpan DrainInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>How long stopping the agent waits for Kafka to acknowledge what it holds; the rest stays in the spool. Default 10 s.</summary>
    public TimeSpan FlushTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Throws with a message naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        Check(!string.IsNullOrWhiteSpace(Directory), nameof(Directory), "must name a directory");
        Check(SegmentBytes >= 1024, nameof(SegmentBytes), "must be at least 1024");
        Check(MaxBytes >= 2L * SegmentBytes, nameof(MaxBytes), "must hold at least two segments (2 x Spool:SegmentBytes)");
        Check(MaxInFlightMessages > 0, nameof(MaxInFlightMessages), "must be positive");
        Check(SpoolAfter > TimeSpan.Zero, nameof(SpoolAfter), "must be positive");
        Check(RetryInterval >= TimeSpan.Zero, nameof(RetryInterval), "must not be negative");
        Check(DrainInterval > TimeSpan.Zero, nameof(DrainInterval), "must be positive");
        Check(FlushTimeout >= TimeSpan.Zero, nameof(FlushTimeout), "must not be negative");
    }

    private static void Check(bool ok, string setting, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Spool:{setting} {rule}.", setting);
        }
    }
}
