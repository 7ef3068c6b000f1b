using System.ComponentModel;
using System.Globalization;
using Confluent.Kafka;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Agent.Simulation;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry agent</c>: node agents of a simulated fleet, producing to a Kafka cluster.</summary>
internal sealed class AgentCommand : AsyncCommand<AgentCommand.Settings>
{
    internal sealed class Settings : KafkaClientSettings
    {
        [CommandOption("--nodes <N>")]
        [Description("Simulated nodes (one agent each).")]
        [DefaultValue(16)]
        public int Nodes { get; init; } = 16;

        [CommandOption("--gpus-per-node <N>")]
        [Description("GPUs per node.")]
        [DefaultValue(8)]
        public int GpusPerNode { get; init; } = 8;

        [CommandOption("--duration <DURATION>")]
        [Description("Simulated time to run: 90s, 30m, 1h.")]
        [DefaultValue("1h")]
        public string Duration { get; init; } = "1h";

        [CommandOption("--speed <X>")]
        [Description("Simulated seconds per real second, or 'max'.")]
        [DefaultValue("1")]
        public string Speed { get; init; } = "1";

        [CommandOption("--seed <SEED>")]
        [Description("Seed of the simulated fleet.")]
        [DefaultValue(42UL)]
        public ulong Seed { get; init; } = 42;

        [CommandOption("--batch-seconds <N>")]
        [Description("Seconds of samples per Kafka message.")]
        [DefaultValue(5)]
        public int BatchSeconds { get; init; } = 5;

        public double SpeedValue => Speed.Equals("max", StringComparison.OrdinalIgnoreCase) ? 0
            : double.TryParse(Speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s) ? s : -1;

        public override ValidationResult Validate()
        {
            var kafka = base.Validate();
            return !kafka.Successful ? kafka
                : Nodes is < 1 or > 100_000 ? ValidationResult.Error($"--nodes must be between 1 and 100000 (got {Nodes}).")
                : GpusPerNode is < 1 or > 64 ? ValidationResult.Error($"--gpus-per-node must be between 1 and 64 (got {GpusPerNode}).")
                : !DurationParser.TryParse(Duration, out var d) || d < TimeSpan.FromSeconds(10) ? ValidationResult.Error($"--duration '{Duration}' must be at least 10s, like 30m or 1h.")
                : SpeedValue < 0 ? ValidationResult.Error($"--speed '{Speed}' must be a positive number or 'max'.")
                : BatchSeconds is < 1 or > 3600 ? ValidationResult.Error($"--batch-seconds must be between 1 and 3600 (got {BatchSeconds}).")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create();
        var duration = DurationParser.Parse(settings.Duration);
        var now = DateTimeOffset.UtcNow;
        var simulation = new FleetSimulation(new FleetSimulationOptions
        {
            Nodes = settings.Nodes,
            GpusPerNode = settings.GpusPerNode,
            Seed = settings.Seed,
            Duration = duration,
            Start = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero),
        });
        Telemetry.Kafka.Native.RdKafkaLibrary.EnsureLoaded();
        using var producer = new ProducerBuilder<string, byte[]>(settings.KafkaOptions().ProducerConfig("telemetry-agent")).Build();
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

        AnsiConsole.Console.MarkupLineInterpolated($"Sent {runner.Agents.Sum(a => a.RowsSent):N0} samples; delivered {runner.RowsDelivered:N0}, failed {runner.RowsFailed:N0}.");
        return runner.RowsFailed == 0 ? 0 : 3;
    }
}
