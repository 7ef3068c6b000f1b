namespace Telemetry.Analytics.Windows;

/// <summary>A Kafka topic partition that data came from; <see cref="None"/> for data fed directly (tests, benchmarks).</summary>
public readonly record struct SourcePartition(string Topic, int Partition)
{
    /// <summary>No partition.</summary>
    public static SourcePartition None { get; } = new("", -1);

    /// <summary>Whether this is <see cref="None"/>.</summary>
    public bool IsNone => Partition < 0;

    /// <inheritdoc />
    public override string ToString() => IsNone ? "(direct)" : $"{Topic}[{Partition}]";
}
