using ScottPlot;
using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli.Rendering;

/// <summary>Draws energy cost and waste by group as bars, side by side, into a PNG.</summary>
internal static class GroupChart
{
    public static void Draw(IReadOnlyList<GroupReport> groups, string path)
    {
        var plot = new Plot();
        var top = groups.Take(20).ToList();
        var positions = Enumerable.Range(0, top.Count).Select(i => (double)i).ToArray();
        var cost = plot.Add.Bars(positions.Select(p => p - 0.2).ToArray(), top.Select(g => g.EnergyCost).ToArray());
        cost.LegendText = $"Energy cost ({top.FirstOrDefault()?.Currency ?? ""})";
        foreach (var bar in cost.Bars)
        {
            bar.Size = 0.4;
        }

        var waste = plot.Add.Bars(positions.Select(p => p + 0.2).ToArray(), top.Select(g => g.WasteShare * 100).ToArray());
        waste.LegendText = "Waste, % of GPU-hours";
        waste.Axes.YAxis = plot.Axes.Right;
        foreach (var bar in waste.Bars)
        {
            bar.Size = 0.4;
        }

        plot.Axes.Bottom.SetTicks(positions, [.. top.Select(g => ReportRenderer.ShortModel(g.Group) is var s && g.GroupBy == "model" ? s : g.Group)]);
        if (top.Count > 8)
        {
            plot.Axes.Bottom.TickLabelStyle.Rotation = 45;
            plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleLeft;
            plot.Axes.Bottom.MinimumSize = 160;
        }
        plot.Axes.Left.Label.Text = "Energy cost";
        plot.Axes.Right.Label.Text = "Waste %";
        plot.Title($"Energy cost and waste by {top.FirstOrDefault()?.GroupBy ?? "group"}");
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(bottom: 0);
        plot.SavePng(path, 1200, 700);
    }
}
