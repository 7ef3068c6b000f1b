using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Reporting;
using Telemetry.Cli.Rendering;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry report</c>: the fleet report of a ledger directory, whole or rolled up by team, job, model or site.</summary>
internal sealed class ReportCommand : AsyncCommand<ReportCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--ledger <DIR>")]
        [Description("Ledger directory to read.")]
        [DefaultValue("ledger")]
        public string Ledger { get; init; } = "ledger";

        [CommandOption("--from <TIME>")]
        [Description("Start of the range (ISO 8601, e.g. 2026-11-01 or 2026-11-01T08:00Z); windows overlapping it count.")]
        public string? From { get; init; }

        [CommandOption("--to <TIME>")]
        [Description("End of the range (exclusive).")]
        public string? To { get; init; }

        [CommandOption("--group-by <DIMENSION>")]
        [Description("Roll up by team, job, model, site or gpu.")]
        public string? GroupBy { get; init; }

        [CommandOption("--format <FORMAT>")]
        [Description("table, csv, json or parquet.")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        [CommandOption("--output <PATH>")]
        [Description("Write csv, json or parquet here (csv and json go to standard output without it; parquet needs it).")]
        public string? Output { get; init; }

        [CommandOption("--cost <PATH>")]
        [Description("Cost configuration (sites, tariffs, PUE, carbon, GPU-hour prices) as JSON; default: illustrative prices.")]
        public string? Cost { get; init; }

        [CommandOption("--config <PATH>")]
        [Description("Analytics settings as JSON (sections WasteEpisodes and Health); TELEMETRY_ environment variables override it.")]
        public string? Config { get; init; }

        [CommandOption("--chart <PATH.png>")]
        [Description("Also draw energy cost and waste by group as a PNG (needs --group-by).")]
        public string? Chart { get; init; }

        [CommandOption("--summary-json <PATH>")]
        [Description("Also write the whole report as JSON to this file.")]
        public string? SummaryJson { get; init; }

        public DateTimeOffset? FromValue => Time(From);

        public DateTimeOffset? ToValue => Time(To);

        public override ValidationResult Validate()
        {
            string[] formats = ["table", "csv", "json", "parquet"];
            return !Directory.Exists(Path.Combine(Ledger, "gpu-windows")) ? ValidationResult.Error($"--ledger '{Ledger}' holds no gpu-windows directory: point it at a ledger an aggregator wrote.")
                : From is not null && FromValue is null ? ValidationResult.Error($"--from '{From}' is not an ISO 8601 time such as 2026-11-01 or 2026-11-01T08:00Z.")
                : To is not null && ToValue is null ? ValidationResult.Error($"--to '{To}' is not an ISO 8601 time such as 2026-12-01.")
                : FromValue >= ToValue ? ValidationResult.Error("--to must be after --from.")
                : GroupBy is not null && !Grouping.Dimensions.Contains(GroupBy) ? ValidationResult.Error($"--group-by '{GroupBy}' is not one of {string.Join(", ", Grouping.Dimensions)}.")
                : !formats.Contains(Format) ? ValidationResult.Error($"--format '{Format}' is not one of {string.Join(", ", formats)}.")
                : Format == "parquet" && Output is null ? ValidationResult.Error("--format parquet needs --output PATH.")
                : Chart is not null && GroupBy is null ? ValidationResult.Error("--chart needs --group-by.")
                : Cost is not null && !File.Exists(Cost) ? ValidationResult.Error($"--cost '{Cost}' does not exist.")
                : ValidationResult.Success();
        }

        private static DateTimeOffset? Time(string? text) =>
            text is not null && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t) ? t : null;
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        CostModel cost;
        try
        {
            cost = settings.Cost is null ? CostModel.Default() : CostModel.Load(settings.Cost);
        }
        catch (CostConfigurationException e)
        {
            AnsiConsole.Console.MarkupLineInterpolated($"[red]--cost:[/] {e.Message}");
            return 2;
        }

        WasteEpisodeRules waste;
        Telemetry.Analytics.Health.HealthOptions health;
        try
        {
            var configuration = AnalyticsConfiguration.Load(settings.Config);
            (waste, health) = (configuration.WasteEpisodes(), configuration.Health());
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException)
        {
            AnsiConsole.Console.MarkupLineInterpolated($"[red]Configuration:[/] {e.Message}");
            return 2;
        }

        var console = Consoles.Standard();
        var data = await LedgerReadProgress.ReadAsync(settings.Ledger, settings.FromValue?.ToUnixTimeMilliseconds(), settings.ToValue?.ToUnixTimeMilliseconds(), cancellationToken).ConfigureAwait(false);
        var report = ReportBuilder.Build(data, new ReportOptions { Cost = cost, Waste = waste, Health = health });
        if (settings.SummaryJson is { } summary)
        {
            await File.WriteAllTextAsync(summary, JsonSerializer.Serialize(report, ReportJsonContext.Default.FleetReport), cancellationToken).ConfigureAwait(false);
        }

        if (settings.GroupBy is null)
        {
            return await WriteWholeAsync(console, settings, report, cancellationToken).ConfigureAwait(false);
        }

        var groups = Grouping.By(report, settings.GroupBy, node => cost.SiteOf(node).Name);
        if (settings.Chart is { } chart)
        {
            GroupChart.Draw(groups, chart);
        }

        await GroupOutput.WriteAsync(console, groups, settings.Format, settings.Output, cancellationToken).ConfigureAwait(false);
        return 0;
    }

    private static async Task<int> WriteWholeAsync(IAnsiConsole console, Settings settings, FleetReport report, CancellationToken cancellationToken)
    {
        if (settings.Format == "table")
        {
            ReportRenderer.Render(console, report);
            return 0;
        }

        if (settings.Format == "json")
        {
            var json = JsonSerializer.Serialize(report, ReportJsonContext.Default.FleetReport);
            await (settings.Output is { } path ? File.WriteAllTextAsync(path, json, cancellationToken) : Console.Out.WriteLineAsync(json)).ConfigureAwait(false);
            return 0;
        }

        console.MarkupLine("[red]csv and parquet need --group-by: they hold one row per group.[/]");
        return 2;
    }
}
