using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry broker</c>: the embedded broker, standalone, until Ctrl+C.</summary>
internal sealed class BrokerCommand : AsyncCommand<BrokerCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--partitions <N>")]
        [Description("Partitions of each telemetry topic.")]
        [DefaultValue(8)]
        public int Partitions { get; init; } = 8;

        [CommandOption("--brokers <N>")]
        [Description("Brokers in the mock cluster.")]
        [DefaultValue(1)]
        public int Brokers { get; init; } = 1;

        public override ValidationResult Validate() =>
            Partitions is < 1 or > 1024 ? ValidationResult.Error($"--partitions must be between 1 and 1024 (got {Partitions}).")
            : Brokers is < 1 or > 16 ? ValidationResult.Error($"--brokers must be between 1 and 16 (got {Brokers}).")
            : ValidationResult.Success();
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var broker = EmbeddedBroker.Start(settings.Brokers);
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, settings.Partitions, Math.Min(settings.Brokers, 3));
        }

        Console.Out.WriteLine(broker.BootstrapServers);
        Console.Out.Flush();
        AnsiConsole.Console.MarkupLineInterpolated($"[grey]Embedded broker on {broker.BootstrapServers}: topics {string.Join(", ", Topics.All)} with {settings.Partitions} partitions. Ctrl+C stops it.[/]");
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C: dispose the broker below.
        }

        return 0;
    }
}
