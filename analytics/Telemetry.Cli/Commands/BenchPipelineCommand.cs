using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Cli.Bench;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry bench pipeline</c> (and <c>telemetry bench</c>): the pipeline's figures at fleet scale, each beside its baseline from the same run.</summary>
internal sealed class BenchPipelineCommand : AsyncCommand<BenchPipelineCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--quick")]
        [Description("A reduced run (a few minutes): reduction at 4k and 100k GPUs, a coarser rate sweep.")]
        public bool Quick { get; init; }

        [CommandOption("--tiny", IsHidden = true)]
        [Description("A run of seconds on a few GPUs, to check that every figure comes out.")]
        public bool Tiny { get; init; }

        [CommandOption("--json <PATH>")]
        [Description("Also write the figures as JSON.")]
        public string? Json { get; init; }

        [CommandOption("--markdown <PATH>")]
        [Description("Also write the table as markdown (default: beside --json, with the extension .md).")]
        public string? Markdown { get; init; }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var scale = settings.Tiny ? PipelineBenchScale.Tiny : settings.Quick ? PipelineBenchScale.Quick : PipelineBenchScale.Full;
        var console = Consoles.Standard();
        console.MarkupLineInterpolated($"Pipeline benchmark ({scale.Name}): each figure beside its baseline, measured in this run…");
        var result = await console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = PipelineBench.Steps.ToDictionary(s => s, s => progress.AddTask(s, autoStart: false, maxValue: 1));
                ProgressTask? current = null;
                void Report(string step, string what)
                {
                    if (current is not null && current != tasks[step])
                    {
                        current.Value = 1;
                        current.StopTask();
                    }

                    current = tasks[step];
                    current.StartTask();
                    current.Description = $"{step}: {Markup.Escape(what)}";
                }

                var run = await new PipelineBench(scale).RunAsync(Report, cancellationToken).ConfigureAwait(false);
                foreach (var task in tasks.Values)
                {
                    task.Value = 1;
                    task.StopTask();
                }

                return run;
            }).ConfigureAwait(false);

        var table = new Table().AddColumns(BenchMarkdown.Columns);
        foreach (var figure in result.Figures)
        {
            table.AddRow(BenchMarkdown.Cells(figure).Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        foreach (var figure in result.Figures.Where(f => f.Note is not null))
        {
            console.MarkupLineInterpolated($"[grey]{figure.What}: {figure.Note}.[/]");
        }

        var command = "./telemetry bench" + (settings.Quick ? " --quick" : "");
        if (settings.Json is { } json)
        {
            await File.WriteAllTextAsync(json, JsonSerializer.Serialize(result, BenchJsonContext.Default.PipelineBenchResult), cancellationToken).ConfigureAwait(false);
        }

        var markdown = settings.Markdown ?? (settings.Json is { } j ? Path.ChangeExtension(j, ".md") : null);
        if (markdown is not null)
        {
            await File.WriteAllTextAsync(markdown, BenchMarkdown.Document(result, command), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }
}
