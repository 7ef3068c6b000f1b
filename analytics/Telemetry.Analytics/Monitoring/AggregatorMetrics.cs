using System.Diagnostics.Metrics;
using Telemetry.Analytics.Consuming;

namespace Telemetry.Analytics.Monitoring;

/// <summary>
/// The aggregator's own health as <see cref="System.Diagnostics.Metrics"/> instruments: every one is observable and reads
/// the pipeline's existing counters when a scrape collects it, so nothing is added to the consumer's hot path.
/// </summary>
/// <remarks>
/// One <see cref="Meter"/> per aggregator, named <see cref="MeterName"/>. The consumer may be attached after the meter's
/// exporter starts (the demo starts its API before its aggregator); until then the instruments report nothing.
/// </remarks>
public sealed class AggregatorMetrics : IDisposable
{
    /// <summary>The meter's name, for an exporter to listen to.</summary>
    public const string MeterName = "Telemetry.Aggregator";

    /// <summary>The per-agent instrument, whose series grow with the fleet.</summary>
    public const string AgentSamplesInstrument = "telemetry.aggregator.agent.samples";

    /// <summary>The most agents the per-agent instrument reports; agent ids come from message headers, so they are bounded.</summary>
    public const int MaxAgents = 10_000;

    private volatile Source? _source;

    /// <summary>Creates the meter and its instruments.</summary>
    public AggregatorMetrics()
    {
        Meter = new Meter(MeterName);
        Meter.CreateObservableCounter("telemetry.aggregator.samples", Samples, "{sample}",
            "Sample rows by conservation term: aggregated, late, invalid, duplicate, future; produced and lost where the producers are known (the demo).");
        Meter.CreateObservableCounter(AgentSamplesInstrument, AgentSamples, "{sample}", "Sample rows of each agent by conservation term.");
        Meter.CreateObservableCounter("telemetry.aggregator.messages", Messages, "{message}",
            "Kafka messages: consumed; lost (missing from an agent's sequence); duplicate (a sequence seen before); bad (not decodable).");
        Meter.CreateObservableCounter("telemetry.aggregator.offsets.skipped", () => Read(s => s.Consumer.Messages.SkippedOffsets), "{message}",
            "Offsets jumped over (retention or a reset): data lost before it was read.");
        Meter.CreateObservableGauge("telemetry.aggregator.consumer.lag", () => Read(s => s.Consumer.Messages.Lag), "{message}",
            "Messages behind the end of the assigned partitions, at the consumer's last look.");
        Meter.CreateObservableGauge("telemetry.aggregator.batches.parked", () => Read(s => s.Consumer.Messages.Parked), "{batch}",
            "Sample batches waiting for their node's allocation events.");
        Meter.CreateObservableCounter("telemetry.aggregator.windows.closed", () => Read(s => s.Consumer.Counters.WindowsClosed), "{window}", "Windows closed.");
        Meter.CreateObservableGauge("telemetry.aggregator.windows.pending", () => Read(s => (long)s.Consumer.PendingWindows), "{window}",
            "Closed windows not yet in every sink; consumption pauses while a sink fails.");
        Meter.CreateObservableCounter("telemetry.aggregator.sink.windows", SinkWindows, "{window}", "Windows written, by sink (ledger, influxdb).");
        Meter.CreateObservableCounter("telemetry.aggregator.sink.write.time", SinkWriteTime, "s",
            "Time spent writing windows, by sink; divided by the sink's windows, the mean write latency.");
        Meter.CreateObservableGauge("telemetry.aggregator.sink.write.last", SinkLastWrite, "s", "How long the last window took to write, by sink.");
        Meter.CreateObservableCounter("telemetry.aggregator.influxdb.points", InfluxPoints, "{point}",
            "InfluxDB points: written (acknowledged) and dead_lettered.");
        Meter.CreateObservableCounter("telemetry.aggregator.influxdb.retries", () => ReadInflux(i => i.Counters.Retries), "{request}",
            "InfluxDB write requests retried after a 5xx, 429 or timeout.");
    }

    /// <summary>The meter; its exporter listens to this instance only.</summary>
    public Meter Meter { get; }

    /// <summary>Ready once an attached consumer has been assigned its partitions.</summary>
    public bool IsReady => _source is { } source && source.Consumer.Assigned.IsCompletedSuccessfully;

    /// <summary>Reads this consumer's counters from now on.</summary>
    /// <param name="consumer">The aggregator's consumer.</param>
    /// <param name="producedByAgent">
    /// Sample rows each agent produced, where the producers run in this process (the demo): adds the produced and lost
    /// terms. Null for an aggregator, which cannot know what agents produced.
    /// </param>
    public void Attach(AggregatorConsumer consumer, Func<IEnumerable<KeyValuePair<string, long>>>? producedByAgent = null)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        _source = new Source(consumer, producedByAgent);
    }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    private IEnumerable<Measurement<long>> Read(Func<Source, long> read) => _source is { } source ? [new(read(source))] : [];

    private IEnumerable<Measurement<long>> ReadInflux(Func<Influx.InfluxWindowSink, long> read) =>
        _source?.Consumer.Influx is { } influx ? [new(read(influx))] : [];

    private IEnumerable<Measurement<long>> Samples()
    {
        if (_source is not { } source)
        {
            return [];
        }

        var counters = source.Consumer.Counters;
        var terms = new AgentSamples(counters.Aggregated, counters.Late, counters.Invalid, counters.Duplicate, counters.Future);
        var produced = source.ProducedByAgent is { } byAgent ? byAgent().Sum(p => p.Value) : (long?)null;
        return Terms(terms, produced, null).Append(new Measurement<long>(counters.HandedOver, new KeyValuePair<string, object?>("term", "handed_over")));
    }

    private IEnumerable<Measurement<long>> AgentSamples()
    {
        if (_source is not { } source)
        {
            return [];
        }

        var received = source.Consumer.Messages.SamplesByAgent;
        var produced = source.ProducedByAgent?.Invoke().ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        var agents = produced is null ? received.Keys : received.Keys.Union(produced.Keys, StringComparer.Ordinal);
        var none = new AgentSamples(0, 0, 0, 0, 0);
        var measurements = new List<Measurement<long>>();
        foreach (var agent in agents.Order(StringComparer.Ordinal).Take(MaxAgents))
        {
            var terms = received.GetValueOrDefault(agent) ?? none;
            measurements.AddRange(Terms(terms, produced?.GetValueOrDefault(agent), agent));
        }

        return measurements;
    }

    private static IEnumerable<Measurement<long>> Terms(AgentSamples terms, long? produced, string? agent)
    {
        var agentTag = new KeyValuePair<string, object?>("agent", agent);
        Measurement<long> Term(string name, long value) => agent is null ? new(value, new KeyValuePair<string, object?>("term", name))
            : new(value, agentTag, new KeyValuePair<string, object?>("term", name));
        yield return Term("aggregated", terms.Aggregated);
        yield return Term("late", terms.Late);
        yield return Term("invalid", terms.Invalid);
        yield return Term("duplicate", terms.Duplicate);
        yield return Term("future", terms.Future);
        if (produced is { } total)
        {
            yield return Term("produced", total);
            yield return Term("lost", total - terms.Total);
        }
    }

    private IEnumerable<Measurement<long>> Messages()
    {
        if (_source is not { } source)
        {
            return [];
        }

        var messages = source.Consumer.Messages;
        return
        [
            new(messages.Consumed, new KeyValuePair<string, object?>("outcome", "consumed")),
            new(messages.LostMessages, new KeyValuePair<string, object?>("outcome", "lost")),
            new(messages.DuplicateMessages, new KeyValuePair<string, object?>("outcome", "duplicate")),
            new(messages.BadMessagesTotal, new KeyValuePair<string, object?>("outcome", "bad")),
        ];
    }

    private IEnumerable<Measurement<long>> SinkWindows() => BySink(l => l.WindowsWritten, i => i.Counters.Windows);

    private IEnumerable<Measurement<double>> SinkWriteTime() => BySink(l => l.WriteTime.TotalSeconds, i => i.Counters.WindowLatency.TotalSeconds);

    private IEnumerable<Measurement<double>> SinkLastWrite() => BySink(l => l.LastWriteTime.TotalSeconds, i => i.Counters.LastWindowLatency.TotalSeconds);

    private List<Measurement<T>> BySink<T>(Func<Ledger.LedgerWriter, T> ledger, Func<Influx.InfluxWindowSink, T> influx)
        where T : struct
    {
        if (_source is not { } source)
        {
            return [];
        }

        var measurements = new List<Measurement<T>> { new(ledger(source.Consumer.Ledger), new KeyValuePair<string, object?>("sink", "ledger")) };
        if (source.Consumer.Influx is { } sink)
        {
            measurements.Add(new(influx(sink), new KeyValuePair<string, object?>("sink", "influxdb")));
        }

        return measurements;
    }

    private IEnumerable<Measurement<long>> InfluxPoints() => _source?.Consumer.Influx is { } influx
        ?
        [
            new(influx.Counters.PointsWritten, new KeyValuePair<string, object?>("outcome", "written")),
            new(influx.Counters.DeadLettered, new KeyValuePair<string, object?>("outcome", "dead_lettered")),
        ]
        : [];

    private sealed record Source(AggregatorConsumer Consumer, Func<IEnumerable<KeyValuePair<string, long>>>? ProducedByAgent);
}
