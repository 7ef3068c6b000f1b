using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Analytics.Influx;
using Telemetry.Cli.Bench;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry bench pipeline</c> (and <c>telemetry bench</c>): the pipeline's figures at fleet scale, each beside its baseline from the same run.</summary>
internal sealed class BenchPipelineCommand : AsyncCommand<BenchPipelineCommand.Settings>
{
    internal sealed class Settings : BenchRunSettings
    {
        [CommandOption("--quick")]
        [Description("A reduced run (a few minutes): reduction at 4k and 100k GPUs, a coarser rate sweep, the fleet at 100,000 GPUs.")]
        public bool Quick { get; init; }

        [CommandOption("--influx-url <URL>")]
        [Description("Also measure the InfluxDB sink against this server (e.g. http://localhost:8086), one with the v2 write API and InfluxQL at /query (InfluxDB 2.x with a DBRP mapping, 3.x, 1.8+). Writes synthetic windows dated hours back into --influx-bucket; the token comes from TELEMETRY_Influx__Token.")]
        public string? InfluxUrl { get; init; }

        [CommandOption("--influx-bucket <BUCKET>")]
        [Description("A scratch bucket for --influx-url, which must exist (database/retention-policy for InfluxDB 1.x); not the one dashboards read.")]
        [DefaultValue("telemetry-bench")]
        public string InfluxBucket { get; init; } = "telemetry-bench";

        [CommandOption("--influx-org <ORG>")]
        [Description("InfluxDB organization (2.x); ignored by 1.x.")]
        [DefaultValue("-")]
        public string InfluxOrg { get; init; } = "-";

        public override ValidationResult Validate()
        {
            if (InfluxUrl is null)
            {
                return ValidationResult.Success();
            }

            try
            {
                new InfluxOptions { Url = InfluxUrl, Bucket = InfluxBucket, Org = InfluxOrg }.Validate();
                return ValidationResult.Success();
            }
            catch (ArgumentException e)
            {
                return ValidationResult.Error(e.Message);
            }
        }

        /// <summary>The server for the InfluxDB sink's figure, or null without --influx-url.</summary>
        public InfluxBenchServer? Influx() =>
            InfluxUrl is null ? null : new InfluxBenchServer(InfluxUrl, InfluxBucket, InfluxOrg, AnalyticsConfiguration.Load(null).Raw["Influx:Token"] ?? "");
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scale = settings.Tiny ? PipelineBenchScale.Tiny : settings.Quick ? PipelineBenchScale.Quick : PipelineBenchScale.Full;
        var console = Consoles.Standard();
        var influx = settings.Influx();
        if (influx is not null)
        {
            try
            {
                await InfluxBenchWriter.CheckAsync(influx, cancellationToken).ConfigureAwait(false);
            }
            catch (InfluxUnavailableException e)
            {
                console.MarkupLineInterpolated($"[red]--influx-url:[/] {e.Message}");
                return 1;
            }
        }

        console.MarkupLineInterpolated($"Pipeline benchmark ({scale.Name}): each figure beside its baseline, measured in this run…");
        var result = await BenchReport.ProgressAsync(console, PipelineBench.Steps, report => new PipelineBench(scale, influx).RunAsync(report, cancellationToken)).ConfigureAwait(false);
        BenchReport.Show(console, BenchMarkdown.Columns, result.Figures.Select(BenchMarkdown.Cells), BenchMarkdown.Notes(result.Figures));
        var command = "./telemetry bench" + (settings.Quick ? " --quick" : "") + (influx is null ? "" : $" --influx-url {influx.Url} --influx-bucket {influx.Bucket}");
        await BenchReport.WriteAsync(settings.Json, () => JsonSerializer.Serialize(result, BenchJsonContext.Default.PipelineBenchResult),
            settings.Markdown, () => BenchMarkdown.Document(result, command), cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
