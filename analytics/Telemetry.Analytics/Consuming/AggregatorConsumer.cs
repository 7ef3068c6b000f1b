using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Analytics.Consuming;

/// <summary>
/// The aggregator as a member of a Kafka consumer group: consumes the three topics, feeds the aggregator, hands each
/// closed window to the outbox, whose writer thread writes it to the ledger and to InfluxDB when one is configured while
/// consumption goes on, and stores only offsets that no unwritten window needs (at-least-once; the ledger rewrites a
/// replayed window whole, and InfluxDB points overwrite themselves). While a sink cannot take a window, or too many wait
/// for one, the partitions are paused. Runs on its own thread until cancelled, or until the stream it was told to expect
/// has arrived.
/// </summary>
public sealed class AggregatorConsumer : IDisposable
{
    private static readonly TimeSpan CloseEvery = TimeSpan.FromMilliseconds(200);

    // Closed windows that may wait for the writer before consumption pauses: memory stays bounded when a sink is slow.
    private const int MaxUnwrittenWindows = 8;
    private readonly IConsumer<string, ReadOnlyMemory<byte>?> _consumer;
    private readonly MessageHandler _handler;
    private readonly LedgerWriter _ledger;
    private readonly WindowOutbox _outbox;
    private bool _paused;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Dictionary<SourcePartition, long> _stored = [];
    private long _lastClose;
    private readonly ConsumerLag _lag;
    private readonly TaskCompletionSource _assigned = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Creates the consumer and subscribes it to the contract's topics.</summary>
    /// <param name="kafka">Brokers and client settings.</param>
    /// <param name="options">Windows, lateness, consumer group.</param>
    /// <param name="ledger">The ledger every window goes to.</param>
    /// <param name="loggers">Loggers.</param>
    /// <param name="time">Clock.</param>
    /// <param name="clientId">This instance's Kafka client id, also its name in the pipeline's own metrics.</param>
    /// <param name="influx">The InfluxDB sink, when one is configured; the caller disposes it.</param>
    public AggregatorConsumer(KafkaOptions kafka, AggregatorOptions options, LedgerWriter ledger, ILoggerFactory loggers, TimeProvider time, string clientId = "aggregator", InfluxWindowSink? influx = null)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(loggers);
        options.Validate();
        Telemetry.Kafka.Native.RdKafkaLibrary.EnsureLoaded();
        _ledger = ledger ?? throw new ArgumentNullException(nameof(ledger));
        Influx = influx;
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _lag = new ConsumerLag(time, options.IdlePartitionTimeout);
        _logger = loggers.CreateLogger<AggregatorConsumer>();
        _handler = new MessageHandler(new SampleAggregator(options, time), options, time, _logger);
        _handler.Aggregator.AlreadyWritten = _ledger.HasWindow;
        var reader = new LedgerReader(_ledger.Directory);
        _handler.Aggregator.WrittenSources = reader.WrittenOffsets;
        _outbox = new WindowOutbox(_ledger, influx, () => new PipelineSnapshot(clientId, Counters.Aggregated, Counters.Late, Counters.Invalid, Messages.Lag, _ledger.WindowsWritten, Counters.Duplicate, Counters.Future), _logger, time);
        _consumer = new ConsumerBuilder<string, ReadOnlyMemory<byte>?>(kafka.ConsumerConfig(options.GroupId, clientId))
            .SetValueDeserializer(new ReusedPayloadDeserializer())
            .WithLogging(_logger)
            .SetErrorHandler((_, e) => Log.ConsumerError(_logger, e.Reason))
            .SetPartitionsAssignedHandler((consumer, partitions) => OnAssigned(consumer, partitions, options.StartAtEnd))
            .SetPartitionsRevokedHandler((_, partitions) => OnRevoked(partitions))
            .SetPartitionsLostHandler((_, partitions) => OnLost(partitions))
            .Build();
        _consumer.Subscribe(Topics.All);
    }

    /// <summary>Completes once the group has assigned this consumer its partitions.</summary>
    public Task Assigned => _assigned.Task;

    /// <summary>Partitions assigned to this member of the group now.</summary>
    public int AssignedPartitions => _consumer.Assignment.Count;

    /// <summary>Row accounting.</summary>
    public AggregatorCounters Counters => _handler.Aggregator.Counters;

    /// <summary>Message accounting.</summary>
    public ConsumerCounters Messages => _handler.Counters;

    /// <summary>Windows written to the ledger.</summary>
    public long WindowsWritten => _ledger.WindowsWritten;

    /// <summary>The ledger it writes (for its write counters).</summary>
    public LedgerWriter Ledger => _ledger;

    /// <summary>The InfluxDB sink it writes, when one is configured (for its counters).</summary>
    public InfluxWindowSink? Influx { get; }

    /// <summary>
    /// Called on the consumer's thread with each closed window once every sink has it, in window order (for alert rules);
    /// set it before <see cref="RunAsync"/>. An exception it throws stops the consumer.
    /// </summary>
    public Action<ClosedWindow>? WindowWritten
    {
        get => _outbox.Written;
        set => _outbox.Written = value;
    }

    /// <summary>Closed windows not yet in every sink (consumption is paused while a write fails, or while too many wait).</summary>
    public int PendingWindows => _outbox.Count;

    /// <summary>GPUs (and MIG instances) this instance has seen.</summary>
    public int TrackedGpus => _handler.Aggregator.TrackedGpus;

    /// <summary>The event-time watermark (Unix ms), or <see cref="long.MinValue"/> before data.</summary>
    public long Watermark => _handler.Aggregator.WatermarkTracker.Value;

    /// <summary>Consumes on a dedicated thread until cancelled, or until <paramref name="finished"/> says the expected stream has arrived; then closes every window.</summary>
    public Task RunAsync(Func<bool>? finished, CancellationToken cancellationToken) =>
        Task.Factory.StartNew(() => Run(finished, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>Consumes until cancelled or finished.</summary>
    public void Run(Func<bool>? finished, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            var started = _time.GetTimestamp();
            var result = Consume(cancellationToken);
            if (result is not null)
            {
                _handler.Handle(new ConsumedMessage(
                    new SourcePartition(Topics.Canonical(result.Topic), result.Partition.Value),
                    result.Offset.Value,
                    result.Message.Value,
                    result.Message.Headers,
                    _time.GetTimestamp()));
            }

            var collecting = _time.GetTimestamp();
            _outbox.Collect();
            if (_outbox.Failing || _outbox.Count >= MaxUnwrittenWindows)
            {
                // Held back by a sink: no new window closes, and paused partitions are not idle ones.
                StoreSafeOffsets();
                SetPaused(true);
                _handler.Aggregator.WatermarkTracker.Excuse(_time.GetElapsedTime(started));
            }
            else
            {
                // Time spent in the written windows' callbacks (alert rules) is the consumer's doing, not the partitions' silence.
                _handler.Aggregator.WatermarkTracker.Excuse(_time.GetElapsedTime(collecting));
                if (_time.GetElapsedTime(_lastClose) >= CloseEvery || result is null)
                {
                    _handler.ReleaseOverdue();
                    _lag.Update(_consumer, _handler);
                    _outbox.Add(_handler.Aggregator.CloseReadyWindows());
                    StoreSafeOffsets();
                    SetPaused(false);
                    _lastClose = _time.GetTimestamp();
                }
            }

            if (result is null && finished?.Invoke() == true)
            {
                Finish(cancellationToken);
                return;
            }
        }
    }

    /// <summary>
    /// Ends a finite stream: attributes what is held back, closes every window, writes them (waiting for a sink that is
    /// down until it recovers or <paramref name="cancellationToken"/> is cancelled), stores and commits offsets.
    /// </summary>
    public void Finish(CancellationToken cancellationToken = default)
    {
        _handler.ReleaseAll();
        _outbox.Add(_handler.Aggregator.CloseAll());
        while (!_outbox.Drain(retryNow: false, cancellationToken) && !cancellationToken.IsCancellationRequested)
        {
            cancellationToken.WaitHandle.WaitOne(CloseEvery);
        }

        StoreSafeOffsets();

        try
        {
            _consumer.Commit();
        }
        catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_NoOffset)
        {
            // Nothing stored since the last commit.
        }
        catch (KafkaException e)
        {
            // A rebalance under way (an illegal generation, say): the stored offsets are committed by the next commit,
            // or the partition's new owner replays from the last committed offset, which is safe either way.
            Log.ConsumerError(_logger, e.Error.Reason);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        try
        {
            _consumer.Close();
        }
        catch (KafkaException e)
        {
            Log.ConsumerError(_logger, e.Error.Reason);
        }

        _consumer.Dispose();
        _outbox.Dispose();
    }

    private ConsumeResult<string, ReadOnlyMemory<byte>?>? Consume(CancellationToken cancellationToken)
    {
        try
        {
            var result = _consumer.Consume(TimeSpan.FromMilliseconds(100));
            return result is { IsPartitionEOF: false } ? result : null;
        }
        catch (ConsumeException e)
        {
            Log.ConsumerError(_logger, e.Error.Reason);
            return null;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    private void SetPaused(bool paused)
    {
        if (paused == _paused && !paused)
        {
            return;
        }

        try
        {
            // Re-paused on every attempt while failing: partitions assigned meanwhile must not flow either.
            if (paused)
            {
                _consumer.Pause(_consumer.Assignment);
            }
            else
            {
                _consumer.Resume(_consumer.Assignment);
            }

            _paused = paused;
        }
        catch (KafkaException e)
        {
            Log.ConsumerError(_logger, e.Error.Reason);
        }
    }

    private void StoreSafeOffsets()
    {
        foreach (var partition in _consumer.Assignment)
        {
            var source = new SourcePartition(partition.Topic, partition.Partition.Value);
            if (_handler.SafeOffset(source) is not { } safe)
            {
                continue;
            }

            // Rows of windows the writer has not written yet are replayed after a restart, so their offsets stay.
            if (_outbox.LowestNeededOffset(source) is { } unwritten && unwritten < safe)
            {
                safe = unwritten;
            }

            if (_stored.TryGetValue(source, out var stored) && stored >= safe)
            {
                continue;
            }

            try
            {
                _consumer.StoreOffset(new TopicPartitionOffset(partition, new Offset(safe)));
                _stored[source] = safe;
            }
            catch (KafkaException e)
            {
                Log.ConsumerError(_logger, e.Error.Reason);
            }
        }
    }

    private List<TopicPartitionOffset> OnAssigned(IConsumer<string, ReadOnlyMemory<byte>?> consumer, List<TopicPartition> partitions, bool startAtEnd)
    {
        Log.Assigned(_logger, partitions);
        var committedOffsets = Committed(consumer, partitions);
        foreach (var (partition, committedOffset) in committedOffsets)
        {
            // A committed offset the log no longer holds (retention) shows up as a jump at the first message: counted as loss.
            _handler.ExpectOffset(new SourcePartition(partition.Topic, partition.Partition.Value), committedOffset.Value);
        }

        var offsets = partitions.Select(p =>
        {
            var committed = committedOffsets.GetValueOrDefault(p, Offset.Unset);
            var start = startAtEnd && committed == Offset.Unset
                ? consumer.QueryWatermarkOffsets(p, TimeSpan.FromSeconds(10)).High
                : Offset.Unset;
            return new TopicPartitionOffset(p, start);
        }).ToList();
        foreach (var partition in partitions.Where(p => p.Topic is Topics.Samples or Topics.Throughput))
        {
            _handler.Aggregator.WatermarkTracker.Expect(new SourcePartition(partition.Topic, partition.Partition.Value));
        }

        _handler.Aggregator.Reassigned();
        _assigned.TrySetResult();
        return offsets;
    }

    private Dictionary<TopicPartition, Offset> Committed(IConsumer<string, ReadOnlyMemory<byte>?> consumer, List<TopicPartition> partitions)
    {
        try
        {
            return consumer.Committed(partitions, TimeSpan.FromSeconds(10)).ToDictionary(c => c.TopicPartition, c => c.Offset);
        }
        catch (KafkaException e)
        {
            Log.ConsumerError(_logger, e.Error.Reason);
            return [];
        }
    }

    private void OnRevoked(List<TopicPartitionOffset> partitions)
    {
        Log.Revoked(_logger, partitions);
        if (_outbox.Drain(retryNow: true, CancellationToken.None))
        {
            StoreSafeOffsets();
            // Commit now, not at the next auto-commit: the partitions' new owner starts from the committed offset, and
            // an older one would make it read again rows of windows already written here.
            try
            {
                _consumer.Commit();
            }
            catch (KafkaException e) when (e.Error.Code == ErrorCode.Local_NoOffset)
            {
                // Nothing stored since the last commit.
            }
            catch (KafkaException e)
            {
                Log.ConsumerError(_logger, e.Error.Reason);
            }
        }

        foreach (var partition in partitions)
        {
            var source = new SourcePartition(partition.Topic, partition.Partition.Value);
            _handler.Forget(source);
            _stored.Remove(source);
        }
    }

    private void OnLost(List<TopicPartitionOffset> partitions)
    {
        Log.Lost(_logger, partitions);
        foreach (var partition in partitions)
        {
            var source = new SourcePartition(partition.Topic, partition.Partition.Value);
            _handler.Forget(source);
            _stored.Remove(source);
        }
    }
}
