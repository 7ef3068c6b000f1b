using System.ComponentModel;
using Confluent.Kafka;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Agent.Simulation;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry agent</c>: node agents of a simulated fleet, producing to a Kafka cluster.</summary>
internal sealed class AgentCommand : AsyncCommand<AgentCommand.Settings>
{
    internal sealed class Settings : SimulatedFleetSettings
    {
        [CommandOption("--speed <X>")]
        [Description("Simulated seconds per real second, or 'max'.")]
        [DefaultValue("1")]
        public override string Speed { get; init; } = "1";
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create();
        var now = DateTimeOffset.UtcNow;
        var simulation = new FleetSimulation(settings.Simulation(new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero)));
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
