using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Analytics;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Monitoring;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry aggregate</c>: a long-running aggregator, one member of its consumer group.</summary>
internal sealed class AggregateCommand : AsyncCommand<AggregateCommand.Settings>
{
    internal sealed class Settings : KafkaClientSettings, IInfluxFlags
    {
        [CommandOption("--influx-url <URL>")]
        [Description("Also write every window to InfluxDB at this URL (e.g. http://influxdb:8086); the token comes from TELEMETRY_Influx__Token or the configuration file, never the command line.")]
        public string? InfluxUrl { get; init; }

        [CommandOption("--influx-bucket <BUCKET>")]
        [Description("InfluxDB bucket, or database/retention-policy for InfluxDB 1.x (default: telemetry).")]
        public string? InfluxBucket { get; init; }

        [CommandOption("--influx-org <ORG>")]
        [Description("InfluxDB organization (2.x); ignored by 1.x.")]
        public string? InfluxOrg { get; init; }

        [CommandOption("--instance <NAME>")]
        [Description("This instance's stable name when several aggregators of one group share a ledger directory: each writes its own window files and manifests (letters, digits, '-', '_'). Default: the ledger's only writer.")]
        public string? Instance { get; init; }

        [CommandOption("--api-address <IP>")]
        [Description(Commands.ApiAddress.Help)]
        public string? ApiAddress { get; init; }

        [CommandOption("--api-port <PORT>")]
        [Description("Port of the HTTP API (fleet, GPUs, jobs, energy, waste, alerts); 0 for a free port.")]
        [DefaultValue(9400)]
        public int ApiPort { get; init; } = 9400;

        [CommandOption("--cost <PATH>")]
        [Description("Cost configuration (sites, tariffs, PUE, carbon) as JSON, to price the windows written to InfluxDB; default: illustrative prices.")]
        public string? Cost { get; init; }

        [CommandOption("--out <DIR>")]
        [Description("Ledger directory.")]
        [DefaultValue("ledger")]
        public string Out { get; init; } = "ledger";

        [CommandOption("--group <ID>")]
        [Description("Kafka consumer group of the aggregators.")]
        [DefaultValue("telemetry-aggregator")]
        public string Group { get; init; } = "telemetry-aggregator";

        [CommandOption("--window <DURATION>")]
        [Description("Window length. Default: Aggregator:WindowLength from TELEMETRY_Aggregator__WindowLength or --config, else 1m.")]
        public string? Window { get; init; }

        [CommandOption("--models <PATH>")]
        [Description("GPU model table (peak dense BF16 TFLOPS, max SM clock, idle power, TDP) as JSON; default: the built-in datasheet table.")]
        public string? Models { get; init; }

        [CommandOption("--config <PATH>")]
        [Description("Analytics settings as JSON (sections Aggregator, Influx, Alerting); TELEMETRY_Section__Key environment variables override it, and flags given override both.")]
        public string? Config { get; init; }

        [CommandOption("--lateness <DURATION>")]
        [Description("Allowed lateness after a window's end. Default: Aggregator:AllowedLateness from TELEMETRY_Aggregator__AllowedLateness or --config, else 30s.")]
        public string? Lateness { get; init; }

        public override ValidationResult Validate()
        {
            var kafka = base.Validate();
            return !kafka.Successful ? kafka
                : Window is not null && !DurationParser.TryParse(Window, out _) ? ValidationResult.Error($"--window '{Window}' is not a duration like 1m.")
                : Lateness is not null && !DurationParser.TryParse(Lateness, out _) ? ValidationResult.Error($"--lateness '{Lateness}' is not a duration like 30s.")
                : Cost is not null && !File.Exists(Cost) ? ValidationResult.Error($"--cost '{Cost}' does not exist.")
                : Instance is not null && (Instance.Length is 0 or > 64 || !Instance.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
                    ? ValidationResult.Error($"--instance '{Instance}' must be 1 to 64 letters, digits, '-' or '_'.")
                : ApiPort is < 0 or > 65535 ? ValidationResult.Error($"--api-port {ApiPort} is not a port (0 to 65535; 0 picks a free one).")
                : Commands.ApiAddress.Validate(ApiAddress);
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        using var loggers = Logging.Create(Microsoft.Extensions.Logging.LogLevel.Information);
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

        if (!await settings.BrokerAnswersAsync(AnsiConsole.Console, "The aggregator did not start.", cancellationToken).ConfigureAwait(false))
        {
            return 2;
        }

        AggregatorOptions options;
        InfluxWindowSink? influx = null;
        AlertingHost alerting;
        CostModel? cost;
        try
        {
            var configuration = AnalyticsConfiguration.Load(settings.Config);
            options = AggregatorSettings.Resolve(configuration, settings, models);
            cost = settings.Cost is null ? null : CostModel.Load(settings.Cost);
            alerting = AlertingHost.Create(configuration, settings.Out, loggers, cost);
            try
            {
                influx = await InfluxSetup.ConnectAsync(configuration, settings, settings.Out, cost, loggers, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await alerting.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or CostConfigurationException or InfluxUnavailableException)
        {
            AnsiConsole.Console.MarkupLineInterpolated($"[red]Configuration:[/] {e.Message}");
            return 2;
        }

        using var influxSink = influx;
        await using var alertingHost = alerting;

        using var consumer = new AggregatorConsumer(settings.KafkaOptions(), options, new LedgerWriter(settings.Out, settings.Instance), loggers, TimeProvider.System, settings.Instance ?? Environment.MachineName, influx);
        alerting.Attach(consumer);
        using var metrics = new AggregatorMetrics();
        metrics.Attach(consumer);
        ApiSetup api;
        try
        {
            api = await ApiSetup.StartAsync(Commands.ApiAddress.Resolve(settings.ApiAddress)!, settings.ApiPort, settings.Out, influx?.Options, cost, alerting.Pipeline, metrics, loggers, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            AnsiConsole.Console.MarkupLineInterpolated($"[red]--api-port {settings.ApiPort}:[/] {e.Message} Choose another port, or 0 for a free one.");
            return 2;
        }

        await using var apiHost = api;
        AnsiConsole.Console.MarkupLineInterpolated($"API on [bold]{api.Url}/api[/] (fleet, gpus, jobs/ID, energy, waste, alerts); metrics on {api.Url}/metrics.");
        AnsiConsole.Console.MarkupLineInterpolated($"Aggregating from {settings.KafkaOptions().BootstrapServers} into [bold]{Path.GetFullPath(settings.Out)}[/]{(influx is null ? "" : $" and InfluxDB {influx.Target}")}. Ctrl+C stops.");
        var run = consumer.RunAsync(null, cancellationToken);
        while (!run.IsCompleted)
        {
            await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10), CancellationToken.None)).ConfigureAwait(false);
            AnsiConsole.Console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[grey]aggregated {consumer.Counters.Aggregated:N0} samples, late {consumer.Counters.Late:N0}, invalid {consumer.Counters.Invalid:N0}, duplicate {consumer.Counters.Duplicate:N0}, future-dated {consumer.Counters.Future:N0}, handed over {consumer.Counters.HandedOver:N0}, messages lost {consumer.Messages.LostMessages:N0}, offsets skipped {consumer.Messages.SkippedOffsets:N0}; windows written {consumer.WindowsWritten}{(influx is null ? "" : $", InfluxDB points {influx.Counters.PointsWritten:N0} (dead-lettered {influx.Counters.DeadLettered:N0})")}; held {consumer.PendingWindows}; lag {consumer.Messages.Lag}; alerts firing {alerting.Pipeline.Open.Count}[/]");
        }

        await run.ConfigureAwait(false);
        return 0;
    }
}
