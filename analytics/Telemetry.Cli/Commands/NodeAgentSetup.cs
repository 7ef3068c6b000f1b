using System.Globalization;
using Confluent.Kafka;
using Telemetry.Kafka;
using Microsoft.Extensions.Logging;
using Spectre.Console;
using Telemetry.Agent.Attribution;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Agent.Collectors.NvidiaSmi;
using Telemetry.Agent.Collectors.Nvml;
using Telemetry.Agent.Hosting;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Spooling;
using Telemetry.Agent.Throughput;

namespace Telemetry.Cli.Commands;

/// <summary>Puts a real node's agent together from the command's options: collectors, attribution, the local endpoint, the loop.</summary>
internal sealed class NodeAgentSetup(AgentCommand.Settings settings, ILoggerFactory loggers)
{
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var node = settings.Node ?? Environment.MachineName;
        var options = new NodeAgentOptions
        {
            Node = node,
            Interval = DurationParser.Parse(settings.Interval),
            BatchInterval = TimeSpan.FromSeconds(settings.BatchSeconds),
        };
        var kafka = settings.KafkaOptions();
        // With a spool the agent rides out a Kafka outage, so an unanswered address is reported and the agent goes on;
        // without one it would drop every batch, so it stops.
        var spooling = settings.Spool != "off";
        if (!await settings.BrokerAnswersAsync(AnsiConsole.Console, spooling ? "The agent goes on and keeps its batches in the spool (--spool) until a broker answers." : "The agent did not start: with --spool off it would lose every batch.", cancellationToken).ConfigureAwait(false) && !spooling)
        {
            return 2;
        }

        Telemetry.Kafka.Native.RdKafkaLibrary.EnsureLoaded();
        using var producer = new ProducerBuilder<string, byte[]>(kafka.ProducerConfig("telemetry-agent-" + node)).WithLogging(loggers.CreateLogger("Kafka")).Build();
        using var agent = settings.Spool == "off"
            ? new TelemetryAgent(options.AgentId ?? node, node, producer, loggers.CreateLogger<TelemetryAgent>())
            : new TelemetryAgent(options.AgentId ?? node, node, producer, loggers.CreateLogger<TelemetryAgent>(), new SpoolOptions { Directory = settings.Spool, MaxBytes = settings.SpoolMaxMiB * 1024L * 1024 });
        var collectors = Collectors(node);
        var requested = new RequestedAllocations();
        var throughput = new ThroughputInbox();
        NodeAgentLoop? loop = null;
        IReadOnlyList<Telemetry.Contract.Samples.GpuIdentity> KnownGpus() => loop?.KnownGpus ?? [];
        var allocations = new List<IAllocationSource> { requested };
        if (settings.HpcJobMap is { } map)
        {
            allocations.Add(new HpcJobMappingSource(map, KnownGpus, node));
        }

        if (collectors.OfType<DcgmExporterCollector>().FirstOrDefault() is { } exporter)
        {
            allocations.Add(new WorkloadLabelSource(() => exporter.LastWorkloads, node));
        }

        loop = new NodeAgentLoop(options, collectors, allocations, throughput, agent, TimeProvider.System, loggers.CreateLogger<NodeAgentLoop>());
        try
        {
            await loop.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (CollectorUnavailableException e)
        {
            AnsiConsole.Console.MarkupLineInterpolated($"[red]The agent cannot start:[/] {e.Message}");
            return 2;
        }

        using var metrics = new AgentMetrics(agent);
        await using var endpoint = settings.Listen == "off" ? null
            : new LocalEndpoint(new LocalEndpointOptions { Url = settings.Listen }, node, throughput, requested, KnownGpus, TimeProvider.System, loggers) { Metrics = metrics.Meter };
        if (endpoint is not null)
        {
            await endpoint.StartAsync(cancellationToken).ConfigureAwait(false);
        }

        AnsiConsole.Console.MarkupLineInterpolated($"Agent of {node}: collectors {string.Join(", ", loop.Running.Select(c => c.Name))}; producing to {kafka.BootstrapServers}; endpoint {endpoint?.Address?.ToString() ?? "off"}. Ctrl+C or SIGTERM stops it.");
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

        var balance = agent.Balance();
        AnsiConsole.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Samples: produced {balance.Produced.Rows:N0} (and {balance.Recovered.Rows:N0} recovered from the spool) = acknowledged {balance.Acknowledged.Rows:N0} + in flight {balance.InFlight.Rows:N0} + spooled {balance.Spooled.Rows:N0} + dropped {balance.Dropped.Rows:N0} + failed {balance.Failed.Rows:N0}{(balance.Reconciles ? "" : " [red](does not reconcile)[/]")}.");
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

    private List<ISampleCollector> Collectors(string node)
    {
        var names = settings.Collectors.Length > 0 ? settings.Collectors : AgentCommand.Settings.KnownCollectors;
        var collectors = new List<ISampleCollector>();
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            switch (name)
            {
                case "dcgm-exporter":
                    collectors.Add(new DcgmExporterCollector(new DcgmExporterOptions { Url = new Uri(settings.DcgmUrl), Node = node }));
                    break;
                case "nvml":
                    collectors.Add(new NvmlCollector(new NvmlCollectorOptions { LibraryPath = settings.NvmlLibrary, NodeName = node }, TimeProvider.System));
                    break;
                case "nvidia-smi":
                    collectors.Add(new NvidiaSmiCollector(new NvidiaSmiOptions { Path = settings.NvidiaSmi, Node = node }));
                    break;
            }
        }

        return collectors;
    }
}
