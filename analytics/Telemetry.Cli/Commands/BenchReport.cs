using Spectre.Console;

namespace Telemetry.Cli.Commands;

/// <summary>How the bench commands show a benchmark: its steps as progress bars, then a table with notes, and files.</summary>
internal static class BenchReport
{
    /// <summary>
    /// Runs <paramref name="run"/>, which reports a step's name and what it is doing through the action it is given; a
    /// step's bar starts when it is first reported and is done when the next starts.
    /// </summary>
    public static Task<T> ProgressAsync<T>(IAnsiConsole console, IReadOnlyList<string> steps, Func<Action<string, string>, Task<T>> run) =>
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var tasks = steps.ToDictionary(s => s, s => progress.AddTask(s, autoStart: false, maxValue: 1));
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

                var result = await run(Report).ConfigureAwait(false);
                foreach (var task in tasks.Values)
                {
                    task.Value = 1;
                    task.StopTask();
                }

                return result;
            });

    /// <summary>The table of the figures, then each note in grey.</summary>
    public static void Show(IAnsiConsole console, string[] columns, IEnumerable<string[]> rows, IEnumerable<(string What, string Note)> notes)
    {
        var table = new Table().AddColumns(columns);
        foreach (var row in rows)
        {
            table.AddRow(row.Select(Markup.Escape).ToArray());
        }

        console.Write(table);
        foreach (var (what, note) in notes)
        {
            console.MarkupLineInterpolated($"[grey]{what}: {note}.[/]");
        }
    }

    /// <summary>Writes the JSON where <paramref name="json"/> says, and the markdown where <paramref name="markdown"/> says or else beside the JSON.</summary>
    public static async Task WriteAsync(string? json, Func<string> jsonText, string? markdown, Func<string> markdownText, CancellationToken cancellationToken)
    {
        if (json is not null)
        {
            await File.WriteAllTextAsync(json, jsonText(), cancellationToken).ConfigureAwait(false);
        }

        markdown ??= json is null ? null : Path.ChangeExtension(json, ".md");
        if (markdown is not null)
        {
            await File.WriteAllTextAsync(markdown, markdownText(), cancellationToken).ConfigureAwait(false);
        }
    }
}
