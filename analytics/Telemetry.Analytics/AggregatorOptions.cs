namespace Telemetry.Analytics;

/// <summary>Settings of the aggregator. Every default is documented; <see cref="Validate"/> names a bad setting.</summary>
public sealed class AggregatorOptions
{
    /// <summary>Length of an event-time window. Default one minute.</summary>
    public TimeSpan WindowLength { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long after a window's end its samples are still accepted. Default 30 s.</summary>
    public TimeSpan AllowedLateness { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>A partition that has sent nothing for this long (processing time) no longer holds the watermark back. Default 10 s.</summary>
    public TimeSpan IdlePartitionTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Longest interval between two samples of a GPU that power is integrated over; longer ones are gaps. Default 10 s.</summary>
    public TimeSpan MaxIntegrationGap { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How far ahead of this host's clock a sample may be. Later ones come from a node whose clock runs ahead: they are
    /// quarantined (counted as future-dated, never merged) and do not move the watermark, so that one bad clock cannot
    /// close every other node's windows early.
    /// </summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>SM activity from which a GPU counts as busy. Default 0.05. The same as <see cref="Aggregation.WasteRules.BusySmActivity"/>.</summary>
    public double BusySmActivity
    {
        get => Waste.BusySmActivity;
        set => Waste.BusySmActivity = value;
    }

    /// <summary>The GPU model table (peaks, clocks, power); the built-in datasheet table when null.</summary>
    public IReadOnlyList<Gpus.GpuModelPeak>? Models { get; set; }

    /// <summary>The rules that classify every interval's state and bound.</summary>
    public Aggregation.WasteRules Waste { get; set; } = new();

    /// <summary>Directory of the ledger. Default <c>ledger</c>.</summary>
    public string LedgerDirectory { get; set; } = "ledger";

    /// <summary>Kafka consumer group. Default <c>telemetry-aggregator</c>.</summary>
    public string GroupId { get; set; } = "telemetry-aggregator";

    /// <summary>
    /// Where a consumer group without committed offsets starts: false (default) at the earliest retained message, true
    /// at the end of each partition as of its assignment, so that only data produced afterwards is read.
    /// </summary>
    public bool StartAtEnd { get; set; }

    /// <summary>Sample batches held back while their node's allocation events are still on the way. Default 10000.</summary>
    public int MaxParkedBatches { get; set; } = 10_000;

    /// <summary>How long a batch waits for its node's allocation events before it is attributed with what is known. Default 30 s.</summary>
    public TimeSpan MaxAttributionWait { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Throws with a message naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        Check(WindowLength >= TimeSpan.FromSeconds(1) && WindowLength <= TimeSpan.FromDays(1) && WindowLength.Ticks % TimeSpan.TicksPerMillisecond == 0,
            nameof(WindowLength), "must be whole milliseconds between 1 s and 1 day");
        Check(AllowedLateness >= TimeSpan.Zero && AllowedLateness <= TimeSpan.FromDays(1), nameof(AllowedLateness), "must be between 0 and 1 day");
        Check(IdlePartitionTimeout > TimeSpan.Zero, nameof(IdlePartitionTimeout), "must be positive");
        Check(MaxIntegrationGap > TimeSpan.Zero, nameof(MaxIntegrationGap), "must be positive");
        Check(MaxClockSkew > TimeSpan.Zero && MaxClockSkew <= TimeSpan.FromDays(1), nameof(MaxClockSkew), "must be positive and at most a day");
        Check(BusySmActivity is > 0 and < 1, nameof(BusySmActivity), "must be between 0 and 1");
        Waste.Validate();
        Check(!string.IsNullOrWhiteSpace(LedgerDirectory), nameof(LedgerDirectory), "must name a directory");
        Check(!string.IsNullOrWhiteSpace(GroupId), nameof(GroupId), "must not be empty");
        Check(MaxParkedBatches > 0, nameof(MaxParkedBatches), "must be positive");
        Check(MaxAttributionWait >= TimeSpan.Zero, nameof(MaxAttributionWait), "must not be negative");
    }

    private static void Check(bool ok, string setting, string rule)
    {
        if (!ok)
        {
            throw new ArgumentException($"Aggregator:{setting} {rule}.", setting);
        }
    }
}
