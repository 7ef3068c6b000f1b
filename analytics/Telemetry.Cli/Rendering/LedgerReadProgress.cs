using System.Globalization;
using Spectre.Console;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli.Rendering;

/// <summary>
/// Reads a ledger for a report with a progress bar over its window files on standard error, shown only when standard
/// error is a terminal: what the report writes to standard output (a table, CSV or JSON) is the same either way.
/// </summary>
internal static class LedgerReadProgress
{
    /// <summary>Where progress goes, or null for none: standard error when it is a terminal. Tests give their own.</summary>
    internal static Func<IAnsiConsole?> Console { get; set; } = StandardErrorTerminal;

    /// <summary>The rows of the windows that overlap [from, to), as <see cref="LedgerData.Read"/> reads them.</summary>
    public static async Task<LedgerData> ReadAsync(string ledger, long? from, long? to, CancellationToken cancellationToken)
    {
        if (Console() is not { } console)
        {
            return await Task.Run(() => LedgerData.Read(new LedgerReader(ledger), from, to), cancellationToken).ConfigureAwait(false);
        }

        var files = LedgerData.FileCount(new LedgerReader(ledger), from, to);
        return await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(string.Create(CultureInfo.InvariantCulture, $"Reading {files:N0} ledger files"), maxValue: Math.Max(files, 1));
                var reader = new LedgerReader(ledger) { FileRead = _ => task.Increment(1) };
                var data = await Task.Run(() => LedgerData.Read(reader, from, to), cancellationToken).ConfigureAwait(false);
                task.Value = task.MaxValue;
                return data;
            }).ConfigureAwait(false);
    }

    private static IAnsiConsole? StandardErrorTerminal() =>
        System.Console.IsErrorRedirected ? null : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(System.Console.Error), Interactive = InteractionSupport.Yes });
}
