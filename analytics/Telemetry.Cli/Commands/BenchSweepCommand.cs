using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Cli.Bench;

namespace Telemetry.Cli.Commands;

/// <summary>
/// <c>telemetry bench sweep</c>: the lossless end-to-end rate and the bytes a sample on the wire for the agents' default
/// producer setting and for each setting one factor away from it (linger, compression, rows per message).
/// </summary>
internal sealed class BenchSweepCommand : AsyncCommand<BenchSweepCommand.Settings>
{
    internal sealed class Settings : BenchRunSettings
    {
        [CommandOption("--quick")]
        [Description("A reduced run (well under 3 minutes): 2 s an offered rate, each rate to within 41 % instead of 19 %.")]
        public bool Quick { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scale = settings.Tiny ? ProducerSweepScale.Tiny : settings.Quick ? ProducerSweepScale.Quick : ProducerSweepScale.Full;
        var console = Consoles.Standard();
        console.MarkupLineInterpolated($"Producer sweep ({scale.Name}): linger, compression and rows per message, one at a time from the default ({ProducerSetting.Default}), measured in this run…");
        var result = await BenchReport.ProgressAsync(console, ProducerSweepBench.Steps, report => new ProducerSweepBench(scale).RunAsync(report, cancellationToken)).ConfigureAwait(false);
        BenchReport.Show(console, ProducerSweepMarkdown.Columns, result.Figures.Select(ProducerSweepMarkdown.Cells), BenchMarkdown.Notes(result.Figures.Select(f => f.Lossless)));
        console.MarkupLineInterpolated($"[grey]{result.Machine}, {result.Seconds:0} s.[/]");
        var command = "./telemetry bench sweep" + (settings.Quick ? " --quick" : "");
        await BenchReport.WriteAsync(settings.Json, () => JsonSerializer.Serialize(result, BenchJsonContext.Default.ProducerSweepResult),
            settings.Markdown, () => ProducerSweepMarkdown.Document(result, command), cancellationToken).ConfigureAwait(false);
        return 0;
    }
}
