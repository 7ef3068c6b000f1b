using Confluent.Kafka;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Consuming;

/// <summary>
/// How far the consumer is behind the end of its partitions, looked at no more often than every second (or half the idle
/// partition timeout, if shorter: often enough that a partition with a backlog is never taken for idle between two
/// looks). Each look sets the lag gauge and tells the watermark which partitions have a backlog. Not thread-safe: the
/// consumer's thread only.
/// </summary>
internal sealed class ConsumerLag(TimeProvider time, TimeSpan idlePartitionTimeout)
{
    private readonly TimeSpan _every = idlePartitionTimeout / 2 < TimeSpan.FromSeconds(1) ? idlePartitionTimeout / 2 : TimeSpan.FromSeconds(1);
    private long _last;

    /// <summary>Looks again, unless the last look was too recent.</summary>
    public void Update(IConsumer<string, ReadOnlyMemory<byte>?> consumer, MessageHandler handler)
    {
        if (time.GetElapsedTime(_last) < _every)
        {
            return;
        }

        _last = time.GetTimestamp();
        long lag = 0;
        foreach (var partition in consumer.Assignment)
        {
            var offsets = consumer.GetWatermarkOffsets(partition);
            var position = consumer.Position(partition);
            if (offsets.High.Value >= 0 && position.Value >= 0)
            {
                lag += Math.Max(0, offsets.High.Value - position.Value);
                if (offsets.High.Value > position.Value)
                {
                    handler.Aggregator.WatermarkTracker.Backlogged(new SourcePartition(partition.Topic, partition.Partition.Value));
                }
            }
        }

        handler.Counters.SetLag(lag);
    }
}
