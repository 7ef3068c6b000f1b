using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Analytics;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Ledger;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry aggregate</c>: a long-running aggregator, one member of its consumer group.</summary>
internal sealed class AggregateCommand : AsyncCommand<AggregateCommand.Settings>
{
    internal sealed class Settings : KafkaClientSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Ledger directory.")]
        [DefaultValue("ledger")]
        public string Out { get; init; } = "ledger";

        [CommandOption("--group <ID>")]
        [Description("Kafka consumer group of the aggregators.")]
        [DefaultValue("telemetry-aggregator")]
        public string Group { get; init; } = "telemetry-aggregator";

        [CommandOption("--window <DURATION>")]
        [Description("Window length.")]
        [DefaultValue("1m")]
        public string Window { get; init; } = "1m";

        [CommandOption("--models <PATH>")]
        [Description("GPU model table (peak dense BF16 TFLOPS, max SM clock, idle power, TDP) as JSON; default: the built-in datasheet table.")]
        public string? Models { get; init; }

        [CommandOption("--config <PATH>")]
        [Description("Analytics settings as JSON (section Aggregator, with Waste for the state rules); TELEMETRY_ environment variables override it; window and lateness come from their flags.")]
        public string? Config { get; init; }

        [CommandOption("--lateness <DURATION>")]
        [Description("Allowed lateness after a window's end.")]
        [DefaultValue("30s")]
        public string Lateness { get; init; } = "30s";

        public override ValidationResult Validate()
        {
            var kafka = base.Validate();
            return !kafka.Successful ? kafka
                : !DurationParser.TryParse(Window, out _) ? ValidationResult.Error($"--window '{Window}' is not a duration like 1m.")
                : !DurationParser.TryParse(Lateness, out _) ? ValidationResult.Error($"--lateness '{Lateness}' is not a duration like 30s.")
                : ValidationResult.Success();
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(Microsoft.Extensions.Logging.LogLevel.Information);
        var window = DurationParser.Parse(settings.Window);
        var lateness = DurationParser.Parse(settings.Lateness);
        IReadOnlyList<Telemetry.Analytics.Gpus.GpuModelPeak>? models;
        try
        {
            models = settings.Models is null ? null : Telemetry.Analytics.Gpus.GpuModelPeaks.Load(settings.Models);
        }
        catch (InvalidDataException e)
        {
            AnsiConsole.Console.MarkupLineInterpolated($"[red]--models:[/] {e.Message}");
            return 2;
        }

        AggregatorOptions options;
        try
        {
            options = AnalyticsConfiguration.Load(settings.Config).Aggregator(new AggregatorOptions());
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException)
        {
            AnsiConsole.Console.MarkupLineInterpolated($"[red]Configuration:[/] {e.Message}");
            return 2;
        }

        options.LedgerDirectory = settings.Out;
        options.GroupId = settings.Group;
        options.WindowLength = window;
        options.AllowedLateness = lateness;
        options.Models = models;
        using var consumer = new AggregatorConsumer(settings.KafkaOptions(), options, new LedgerWriter(settings.Out), loggers, TimeProvider.System, Environment.MachineName);
        AnsiConsole.Console.MarkupLineInterpolated($"Aggregating from {settings.KafkaOptions().BootstrapServers} into [bold]{Path.GetFullPath(settings.Out)}[/]. Ctrl+C stops.");
        var run = consumer.RunAsync(null, cancellationToken);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None)).ConfigureAwait(false);
            AnsiConsole.Console.MarkupLineInterpolated($"[grey]aggregated {consumer.Counters.Aggregated:N0} samples, late {consumer.Counters.Late:N0}, invalid {consumer.Counters.Invalid:N0}; windows written {consumer.WindowsWritten}; lag {consumer.Messages.Lag}[/]");
        }

        await run.ConfigureAwait(false);
        return 0;
    }
}
