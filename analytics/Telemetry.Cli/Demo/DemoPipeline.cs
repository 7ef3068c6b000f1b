using System.Diagnostics;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Telemetry.Agent.Simulation;
using Telemetry.Analytics;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Reporting;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Cli.Demo;

/// <summary>
/// Everything in one process on embedded defaults: the mock-cluster broker, the simulated fleet with one agent per
/// node, and an aggregator writing the ledger; ends with the report built from the ledger.
/// </summary>
internal sealed class DemoPipeline(ILoggerFactory loggers, TimeProvider time)
{
    private static readonly TimeSpan QuietLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan AssignmentTimeout = TimeSpan.FromSeconds(60);

    public async Task<DemoResult> RunAsync(DemoOptions options, Action<DemoProgress>? progress, CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var start = options.Start ?? FloorToSecond(time.GetUtcNow() - options.Duration);
        var simulation = new FleetSimulation(new FleetSimulationOptions
        {
            Nodes = options.Nodes,
            GpusPerNode = options.GpusPerNode,
            Seed = options.Seed,
            Start = start,
            Duration = options.Duration,
        });

        using var broker = options.Kafka is null ? EmbeddedBroker.Start() : null;
        var kafka = options.Kafka ?? new KafkaOptions { BootstrapServers = broker!.BootstrapServers };
        await CreateTopicsAsync(broker, kafka, options.Partitions, cancellationToken).ConfigureAwait(false);

        // A group of its own; on a shared cluster, starting at the end of each partition, since it may hold other runs'
        // data. The embedded broker is fresh: reading it from the start cannot skip what agents sent while the group was
        // still settling its assignment.
        var aggregatorOptions = options.Analytics?.Aggregator(new AggregatorOptions()) ?? new AggregatorOptions();
        aggregatorOptions.LedgerDirectory = options.LedgerDirectory;
        aggregatorOptions.WindowLength = options.WindowLength ?? aggregatorOptions.WindowLength;
        aggregatorOptions.GroupId = "telemetry-demo-" + Guid.NewGuid().ToString("N");
        aggregatorOptions.StartAtEnd = options.Kafka is not null;
        var ledger = new LedgerWriter(options.LedgerDirectory);
        using var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("demo-agents")).WithLogging(loggers.CreateLogger("Kafka")).Build();
        using var consumer = new AggregatorConsumer(kafka, aggregatorOptions, ledger, loggers, time, "demo-aggregator", options.Influx);
        options.Alerting?.Attach(consumer);
        var runner = new SimulatedFleetRunner(simulation, producer, loggers, time, options.Speed, options.BatchSeconds);
        options.Metrics?.Attach(consumer, () => runner.Agents.Select(a => KeyValuePair.Create(a.AgentId, a.RowsSent)));

        var produced = new TaskCompletionSource();
        var lastConsumed = 0L;
        var lastChange = time.GetTimestamp();
        bool Finished()
        {
            if (!produced.Task.IsCompleted)
            {
                return false;
            }

            // A consumer held back by a sink that is down is waiting, not finished: quiet counts only while it may consume.
            var consumed = consumer.Messages.Consumed;
            if (consumed != lastConsumed || consumer.PendingWindows > 0)
            {
                lastConsumed = consumed;
                lastChange = time.GetTimestamp();
            }

            var delivered = runner.Agents.Sum(a => a.Counters.MessagesDelivered);
            return consumed >= delivered || time.GetElapsedTime(lastChange) > QuietLimit;
        }

        using var reporting = new Timer(_ => progress?.Invoke(Snapshot(simulation, runner, consumer, stopwatch)), null, TimeSpan.Zero, TimeSpan.FromMilliseconds(250));
        var consuming = consumer.RunAsync(Finished, cancellationToken);
        try
        {
            await consumer.Assigned.WaitAsync(AssignmentTimeout, time, cancellationToken).ConfigureAwait(false);
            await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            produced.TrySetResult();
        }

        await consuming.ConfigureAwait(false);
        await reporting.DisposeAsync().ConfigureAwait(false);
        progress?.Invoke(Snapshot(simulation, runner, consumer, stopwatch));

        var accounting = SampleAccounting.From(runner.Agents.Sum(a => a.RowsSent), consumer.Counters.Aggregated, consumer.Counters.Late, consumer.Counters.Invalid, consumer.Counters.Duplicate, consumer.Counters.Future);
        var report = ReportFromLedger(options.LedgerDirectory, simulation.StartUnixMs, simulation.EndUnixMs + 1, new ReportOptions
        {
            Samples = accounting,
            Waste = options.Analytics?.WasteEpisodes() ?? new WasteEpisodeRules(),
            Health = options.Analytics?.Health() ?? new Telemetry.Analytics.Health.HealthOptions(),
        });
        var none = new AgentSamples(0, 0, 0, 0, 0);
        var agents = runner.Agents
            .Select(a => new AgentBalance(a.AgentId, a.RowsSent, consumer.Messages.SamplesByAgent.GetValueOrDefault(a.AgentId) ?? none))
            .ToList();
        return new DemoResult(report, simulation.Truth, simulation.FleetEnergyMilliJoules / 3.6e9, stopwatch.Elapsed) { Agents = agents };
    }

    /// <summary>The report of the ledger's windows that overlap [from, to).</summary>
    public static FleetReport ReportFromLedger(string directory, long from, long to, ReportOptions options)
    {
        return ReportBuilder.Build(LedgerData.Read(new LedgerReader(directory), from, to), options);
    }

    private static DemoProgress Snapshot(FleetSimulation simulation, SimulatedFleetRunner runner, AggregatorConsumer consumer, Stopwatch stopwatch)
    {
        var now = Math.Min(simulation.NextUnixMs, simulation.EndUnixMs);
        var aggregated = consumer.Counters.Aggregated;
        return new DemoProgress(
            DateTimeOffset.FromUnixTimeMilliseconds(now),
            (double)(now - simulation.StartUnixMs) / (simulation.EndUnixMs - simulation.StartUnixMs),
            runner.Agents.Sum(a => a.RowsSent),
            aggregated,
            consumer.Counters.Late,
            consumer.WindowsWritten,
            consumer.Messages.Lag,
            consumer.Messages.Parked,
            aggregated / Math.Max(0.001, stopwatch.Elapsed.TotalSeconds));
    }

    private static async Task CreateTopicsAsync(EmbeddedBroker? broker, KafkaOptions kafka, int partitions, CancellationToken cancellationToken)
    {
        if (broker is not null)
        {
            foreach (var topic in Topics.All)
            {
                broker.CreateTopic(topic, partitions);
            }

            return;
        }

        await TopicAdmin.EnsureTopicsAsync(kafka, Topics.All, partitions, replicationFactor: -1, TimeSpan.FromSeconds(15), cancellationToken).ConfigureAwait(false);
    }

    private static DateTimeOffset FloorToSecond(DateTimeOffset t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
