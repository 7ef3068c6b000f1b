namespace Telemetry.Cli.Demo;

/// <summary>What the demo runs.</summary>
internal sealed record DemoOptions
{
    public int Nodes { get; init; } = 16;
    public int GpusPerNode { get; init; } = 8;
    public TimeSpan Duration { get; init; } = TimeSpan.FromHours(1);

    /// <summary>Simulated seconds per wall-clock second; 0 runs as fast as the machine allows.</summary>
    public double Speed { get; init; } = 240;
    public ulong Seed { get; init; } = 42;
    public string LedgerDirectory { get; init; } = "ledger";
    public int Partitions { get; init; } = 8;
    public int BatchSeconds { get; init; } = 5;

    /// <summary>The window length; when null, the analytics settings' <c>Aggregator:WindowLength</c> (1 minute by default).</summary>
    public TimeSpan? WindowLength { get; init; }

    /// <summary>Analytics settings (rules, thresholds); the defaults when null.</summary>
    public AnalyticsConfiguration? Analytics { get; init; }

    /// <summary>An existing Kafka cluster to run through; null: the embedded broker.</summary>
    public Telemetry.Kafka.KafkaOptions? Kafka { get; init; }

    /// <summary>Where the aggregator also writes its windows; null: the ledger only. The caller disposes it.</summary>
    public Telemetry.Analytics.Influx.InfluxWindowSink? Influx { get; init; }

    /// <summary>Alert rules and webhooks fed with the aggregator's windows; null: no alerting. The caller disposes it.</summary>
    public AlertingHost? Alerting { get; init; }

    /// <summary>The aggregator's self-metrics, attached to the demo's consumer and its agents' produced rows; none when null.</summary>
    public Telemetry.Analytics.Monitoring.AggregatorMetrics? Metrics { get; init; }

    /// <summary>Simulated start; null: the duration up to now, so the report covers the last hour (or whatever was asked).</summary>
    public DateTimeOffset? Start { get; init; }
}
