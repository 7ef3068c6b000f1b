using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Cli.Bench;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry bench pipeline</c> (and <c>telemetry bench</c>): the pipeline's figures at fleet scale, each beside its baseline from the same run.</summary>
internal sealed class BenchPipelineCommand : AsyncCommand<BenchPipelineCommand.Settings>
{
    internal sealed class Settings : BenchRunSettings
    {
        [CommandOption("--quick")]
        [Description("A reduced run (a few minutes): reduction at 4k and 100k GPUs, a coarser rate sweep.")]
        public bool Quick { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scale = settings.Tiny ? PipelineBenchScale.Tiny : settings.Quick ? PipelineBenchScale.Quick : PipelineBenchScale.Full;
        var console = Consoles.Standard();
        console.MarkupLineInterpolated($"Pipeline benchmark ({scale.Name}): each figure beside its baseline, measured in this run…");
        var result = await BenchReport.ProgressAsync(console, PipelineBench.Steps, report => new PipelineBench(scale).RunAsync(report, cancellationToken)).ConfigureAwait(false);
        BenchReport.Show(console, BenchMarkdown.Columns, result.Figures.Select(BenchMarkdown.Cells), BenchMarkdown.Notes(result.Figures));
        var command = "./telemetry bench" + (settings.Quick ? " --quick" : "");
        await BenchReport.WriteAsync(settings.Json, () => JsonSerializer.Serialize(result, BenchJsonContext.Default.PipelineBenchResult),
            settings.Markdown, () => BenchMarkdown.Document(result, command), cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
