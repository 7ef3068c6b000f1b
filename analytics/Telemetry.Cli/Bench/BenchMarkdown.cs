using System.Globalization;
using System.Text;

namespace Telemetry.Cli.Bench;

/// <summary>Formats pipeline benchmark figures for people: cells for the terminal table, and a markdown document.</summary>
internal static class BenchMarkdown
{
    public static readonly string[] Columns = ["figure", "ours", "baseline (same run)", "ratio", "goal", "met"];

    public static string[] Cells(BenchFigure figure) =>
    [
        figure.What,
        $"{Number(figure.Value)} {figure.Unit}",
        figure.BaselineValue is { } b ? $"{Number(b)} {figure.Unit}: {figure.Baseline}" : $"- ({figure.Baseline})",
        Ratio(figure.Ratio),
        figure.Goal,
        figure.GoalMet switch { true => "yes", false => "no", null => "-" },
    ];

    public static string Document(PipelineBenchResult result, string command) =>
        Document($"Pipeline benchmark ({result.Scale})", command, result.Machine, result.Seconds, Columns, result.Figures.Select(Cells),
            Notes(result.Figures));

    /// <summary>Each figure's note beside what it measured, for those with one.</summary>
    public static IEnumerable<(string What, string Note)> Notes(IEnumerable<BenchFigure> figures) => figures.Where(f => f.Note is not null).Select(f => (f.What, f.Note!));

    /// <summary>A benchmark's markdown: its title, how it ran, a table, and a note for each row that has one.</summary>
    public static string Document(string title, string command, string machine, double seconds, string[] columns, IEnumerable<string[]> rows, IEnumerable<(string What, string Note)> notes)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# {title}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`{command}` on {machine}, {seconds:0} s in all.");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", columns) + " |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", columns.Length)));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row.Select(Escape)) + " |");
        }

        text.AppendLine();
        foreach (var (what, note) in notes)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(what)}: {Escape(note)}.");
        }

        return text.ToString();
    }

    // Markdown would take Vector<float> for an HTML tag, and a bar for a cell's end.
    public static string Escape(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    public static string Ratio(double? ratio) => ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    public static string Number(double value) => value switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
