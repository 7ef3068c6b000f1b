using System.ComponentModel;
using System.Globalization;
using Confluent.Kafka;
using Telemetry.Kafka;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Agent.Hosting;
using Telemetry.Agent.Simulation;

namespace Telemetry.Cli.Commands;

/// <summary>
/// <c>telemetry agent</c>: the node agent. On a GPU node it reads the configured collectors and sends every GPU's
/// telemetry, the node's job allocations and the jobs' throughput to Kafka; with <c>--simulate</c> it runs the
/// agents of a simulated fleet instead.
/// </summary>
internal sealed class AgentCommand : AsyncCommand<AgentCommand.Settings>
{
    internal sealed class Settings : SimulatedFleetSettings
    {
        [CommandOption("--simulate")]
        [Description("Run agents for a simulated fleet (--nodes, --gpus-per-node, --duration, --seed, --speed) instead of reading this node's GPUs.")]
        public bool Simulate { get; init; }

        [CommandOption("--speed <X>")]
        [Description("With --simulate: simulated seconds per real second, or 'max'.")]
        [DefaultValue("1")]
        public override string Speed { get; init; } = "1";

        [CommandOption("--node <NAME>")]
        [Description("This node's name, the key of its messages. Default: the host name.")]
        public string? Node { get; init; }

        [CommandOption("--collector <NAME>")]
        [Description("Collector to read: dcgm-exporter, nvml or nvidia-smi; repeatable, the first has priority where two report a field. Default: every one whose source is present.")]
        public string[] Collectors { get; init; } = [];

        [CommandOption("--dcgm-url <URL>")]
        [Description("dcgm-exporter's metrics page.")]
        [DefaultValue("http://localhost:9400/metrics")]
        public string DcgmUrl { get; init; } = "http://localhost:9400/metrics";

        [CommandOption("--nvidia-smi <PATH>")]
        [Description("The nvidia-smi executable.")]
        [DefaultValue("nvidia-smi")]
        public string NvidiaSmi { get; init; } = "nvidia-smi";

        [CommandOption("--nvml-library <PATH>")]
        [Description("The NVML library.")]
        [DefaultValue("libnvidia-ml.so.1")]
        public string NvmlLibrary { get; init; } = "libnvidia-ml.so.1";

        [CommandOption("--hpc-job-map <DIR>")]
        [Description("dcgm-exporter's HPC job mapping directory (files named by GPU index holding job ids) to attribute GPUs to jobs.")]
        public string? HpcJobMap { get; init; }

        [CommandOption("--scrape-tokens <JOB=URL>")]
        [Description("Scrape an inference server's token counter for a job, e.g. chat-1=http://127.0.0.1:8000/metrics; repeatable.")]
        public string[] ScrapeTokens { get; init; } = [];

        [CommandOption("--tokens-metric <NAME>")]
        [Description("The counter --scrape-tokens reads.")]
        [DefaultValue("vllm:generation_tokens_total")]
        public string TokensMetric { get; init; } = "vllm:generation_tokens_total";

        [CommandOption("--listen <URL>")]
        [Description("The local endpoint for throughput reports and prolog/epilog allocations, or 'off'.")]
        [DefaultValue("http://127.0.0.1:9410")]
        public string Listen { get; init; } = "http://127.0.0.1:9410";

        [CommandOption("--spool <DIR>")]
        [Description("Directory of the disk spool that keeps batches while Kafka is unreachable, or 'off'.")]
        [DefaultValue("spool")]
        public string Spool { get; init; } = "spool";

        [CommandOption("--spool-max-mib <N>")]
        [Description("Size cap of the spool; past it the oldest batches are dropped and counted as lost.")]
        [DefaultValue(1024)]
        public int SpoolMaxMiB { get; init; } = 1024;

        [CommandOption("--interval <DURATION>")]
        [Description("How often every GPU is read.")]
        [DefaultValue("1s")]
        public string Interval { get; init; } = "1s";

        /// <summary>The settings of a real node's agent, as the <c>telemetry-agent</c> binary takes them too.</summary>
        public NodeAgentSettings NodeAgent() => new()
        {
            Bootstrap = Bootstrap,
            KafkaProperties = KafkaProperties,
            BatchSeconds = BatchSeconds,
            Node = Node,
            Collectors = Collectors,
            DcgmUrl = DcgmUrl,
            NvidiaSmi = NvidiaSmi,
            NvmlLibrary = NvmlLibrary,
            HpcJobMap = HpcJobMap,
            ScrapeTokens = ScrapeTokens,
            TokensMetric = TokensMetric,
            Listen = Listen,
            Spool = Spool,
            SpoolMaxMiB = SpoolMaxMiB,
            Interval = Interval,
        };

        public override ValidationResult Validate()
        {
            var fleet = base.Validate();
            return !fleet.Successful ? fleet
                : NodeAgent().AgentProblem() is { } problem ? ValidationResult.Error(problem)
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(Microsoft.Extensions.Logging.LogLevel.Information);
        return settings.Simulate
            ? await RunSimulatedAsync(settings, loggers, cancellationToken).ConfigureAwait(false)
            : await new NodeAgentRunner(settings.NodeAgent(), loggers, new SpectreAgentConsole(AnsiConsole.Console)).RunAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<int> RunSimulatedAsync(Settings settings, Microsoft.Extensions.Logging.ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!await settings.BrokerAnswersAsync(AnsiConsole.Console, "The simulated agents did not start.", cancellationToken).ConfigureAwait(false))
        {
            return 2;
        }

        var simulation = new FleetSimulation(settings.Simulation(settings.SimulationStart(DateTimeOffset.UtcNow)));
        Telemetry.Kafka.Native.RdKafkaLibrary.EnsureLoaded();
        using var producer = new ProducerBuilder<string, byte[]>(settings.KafkaOptions().ProducerConfig("telemetry-agent")).WithLogging(loggers.CreateLogger("Kafka")).Build();
        var runner = new SimulatedFleetRunner(simulation, producer, loggers, TimeProvider.System, settings.SpeedValue, settings.BatchSeconds);
        AnsiConsole.Console.MarkupLineInterpolated($"Agents for {settings.Nodes} simulated nodes producing to {settings.KafkaOptions().BootstrapServers}. Ctrl+C stops them.");
        try
        {
            await runner.RunAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            producer.Flush(TimeSpan.FromSeconds(10));
        }

        AnsiConsole.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Sent {runner.Agents.Sum(a => a.RowsSent):N0} samples; delivered {runner.RowsDelivered:N0}, failed {runner.RowsFailed:N0}.");
        return runner.RowsFailed == 0 ? 0 : 3;
    }
}
