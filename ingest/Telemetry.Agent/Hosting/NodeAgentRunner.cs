using System.Globalization;
using Confluent.Kafka;
using Microsoft.Extensions.Logging;
using Telemetry.Agent.Attribution;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Spooling;
using Telemetry.Agent.Throughput;
using Telemetry.Contract.Samples;
using Telemetry.Kafka;

namespace Telemetry.Agent.Hosting;

/// <summary>
/// Puts a real node's agent together from its settings and runs it until cancelled: collectors, attribution, the
/// local endpoint, the producer with its spool, the loop. <c>telemetry agent run</c> and the <c>telemetry-agent</c>
/// binary both run it.
/// </summary>
public sealed class NodeAgentRunner(NodeAgentSettings settings, ILoggerFactory loggers, IAgentConsole console)
{
    /// <summary>Runs the agent; the exit status: 0, 2 when it could not start, 3 when samples were dropped or failed.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var node = settings.Node ?? Environment.MachineName;
        var options = new NodeAgentOptions
        {
            Node = node,
            Interval = DurationText.Parse(settings.Interval),
            BatchInterval = TimeSpan.FromSeconds(settings.BatchSeconds),
        };
        var kafka = settings.KafkaOptions();
        // With a spool the agent rides out a Kafka outage, so an unanswered address is reported and the agent goes on;
        // without one it would drop every batch, so it stops.
        var spooling = settings.Spool != "off";
        if (!await BrokerAnswersAsync(spooling, cancellationToken).ConfigureAwait(false) && !spooling)
        {
            return 2;
        }

        Kafka.Native.RdKafkaLibrary.EnsureLoaded();
        using var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("telemetry-agent-" + node)).WithLogging(loggers.CreateLogger("Kafka")).Build();
        using var agent = spooling
            ? new TelemetryAgent(options.AgentId ?? node, node, producer, loggers.CreateLogger<TelemetryAgent>(), new SpoolOptions { Directory = settings.Spool, MaxBytes = settings.SpoolMaxMiB * 1024L * 1024 })
            : new TelemetryAgent(options.AgentId ?? node, node, producer, loggers.CreateLogger<TelemetryAgent>());
        var collectors = NodeCollectors.Create(settings, node);
        var requested = new RequestedAllocations();
        var throughput = new ThroughputInbox();
        NodeAgentLoop? loop = null;
        IReadOnlyList<GpuIdentity> KnownGpus() => loop?.KnownGpus ?? [];
        loop = new NodeAgentLoop(options, collectors, AllocationSources(collectors, requested, KnownGpus, node), throughput, agent, TimeProvider.System, loggers.CreateLogger<NodeAgentLoop>());
        try
        {
            await loop.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CollectorUnavailableException e)
        {
            console.Problem("The agent cannot start:", e.Message);
            return 2;
        }

        using var metrics = new AgentMetrics(agent);
        await using var endpoint = settings.Listen == "off" ? null
            : new LocalEndpoint(new LocalEndpointOptions { Url = settings.Listen }, node, throughput, requested, KnownGpus, TimeProvider.System, loggers) { Metrics = metrics.Meter };
        if (endpoint is not null)
        {
            await endpoint.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        console.Line($"Agent of {node}: collectors {string.Join(", ", loop.Running.Select(c => c.Name))}; producing to {kafka.BootstrapServers}; endpoint {endpoint?.Address?.ToString() ?? "off"}. Ctrl+C or SIGTERM stops it.");
        var scrapers = Scrapers(throughput);
        var scraping = ScrapeAsync(scrapers, cancellationToken);
        await loop.RunAsync(cancellationToken).ConfigureAwait(false);
        await scraping.ConfigureAwait(false);
        scrapers.ForEach(s => s.Dispose());
        agent.Flush(TimeSpan.FromSeconds(30));
        foreach (var collector in collectors)
        {
            await collector.DisposeAsync().ConfigureAwait(false);
        }

        return Report(agent.Balance());
    }

    private async Task<bool> BrokerAnswersAsync(bool spooling, CancellationToken cancellationToken)
    {
        var consequence = spooling
            ? "The agent goes on and keeps its batches in the spool (--spool) until a broker answers."
            : "The agent did not start: with --spool off it would lose every batch.";
        if (await KafkaCommandLine.UnreachableAsync(settings.Bootstrap, settings.KafkaProperties, consequence, cancellationToken).ConfigureAwait(false) is not var (subject, detail))
        {
            return true;
        }

        console.Problem(subject, detail);
        return false;
    }

    private List<IAllocationSource> AllocationSources(List<ISampleCollector> collectors, RequestedAllocations requested, Func<IReadOnlyList<GpuIdentity>> knownGpus, string node)
    {
        var allocations = new List<IAllocationSource> { requested };
        if (settings.HpcJobMap is { } map)
        {
            allocations.Add(new HpcJobMappingSource(map, knownGpus, node));
        }

        if (collectors.OfType<DcgmExporterCollector>().FirstOrDefault() is { } exporter)
        {
            allocations.Add(new WorkloadLabelSource(() => exporter.LastWorkloads, node));
        }

        return allocations;
    }

    private int Report(DeliveryBalance balance)
    {
        console.Line(string.Create(CultureInfo.InvariantCulture, $"Samples: produced {balance.Produced.Rows:N0} (and {balance.Recovered.Rows:N0} recovered from the spool) = acknowledged {balance.Acknowledged.Rows:N0} + in flight {balance.InFlight.Rows:N0} + spooled {balance.Spooled.Rows:N0} + dropped {balance.Dropped.Rows:N0} + failed {balance.Failed.Rows:N0}{(balance.Reconciles ? "" : " (does not reconcile)")}."));
        return balance.Dropped.Rows == 0 && balance.Failed.Rows == 0 ? 0 : 3;
    }

    private List<InferenceCounterScraper> Scrapers(ThroughputInbox inbox) =>
        [.. settings.ScrapeTokens.Select(spec =>
        {
            var split = spec.IndexOf('=', StringComparison.Ordinal);
            var options = new InferenceCounterOptions { JobId = spec[..split], Url = new Uri(spec[(split + 1)..]), Metric = settings.TokensMetric };
            return new InferenceCounterScraper(options, inbox, TimeProvider.System);
        })];

    private static async Task ScrapeAsync(List<InferenceCounterScraper> scrapers, CancellationToken cancellationToken)
    {
        if (scrapers.Count == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(10));
        try
        {
            do
            {
                await Task.WhenAll(scrapers.Select(s => s.ScrapeAsync(cancellationToken))).ConfigureAwait(false);
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping with the agent.
        }
    }
}
