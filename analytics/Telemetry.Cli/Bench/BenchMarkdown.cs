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
        figure.Ratio is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) : "-",
        figure.Goal,
        figure.GoalMet switch { true => "yes", false => "no", null => "-" },
    ];

    public static string Document(PipelineBenchResult result, string command)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Pipeline benchmark ({result.Scale})");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"`{command}` on {result.Machine}, {result.Seconds:0} s in all.");
        text.AppendLine();
        text.AppendLine("| " + string.Join(" | ", Columns) + " |");
        text.AppendLine("|" + string.Concat(Enumerable.Repeat(" --- |", Columns.Length)));
        foreach (var figure in result.Figures)
        {
            text.AppendLine("| " + string.Join(" | ", Cells(figure).Select(Escape)) + " |");
        }

        text.AppendLine();
        foreach (var figure in result.Figures.Where(f => f.Note is not null))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {Escape(figure.What)}: {Escape(figure.Note!)}.");
        }

        return text.ToString();
    }

    // Markdown would take Vector<float> for an HTML tag, and a bar for a cell's end.
    private static string Escape(string text) => text.Replace("<", "&lt;", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    public static string Number(double value) => value switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("0.0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
