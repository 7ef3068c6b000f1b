using Microsoft.Playwright;

namespace Telemetry.Cli.Tests.WebView;

/// <summary>What the web view shows, read from the rendered page as text, the way a person reads it.</summary>
internal sealed record WebViewPage(
    string From,
    string To,
    IReadOnlyDictionary<string, string> Cards,
    IReadOnlyDictionary<string, string> Legend,
    IReadOnlyList<string[]> Cells,
    IReadOnlyList<string[]> Jobs,
    IReadOnlyList<string[]> Teams,
    IReadOnlyList<string[]> Waste,
    IReadOnlyList<string[]> Alerts)
{
    private static readonly string[] CardIds = ["fleet-gpus", "fleet-power-kw", "fleet-utilization", "fleet-cost-per-hour", "fleet-energy-kwh"];

    public static async Task<WebViewPage> ReadAsync(IPage page)
    {
        var cards = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in CardIds)
        {
            cards[id] = await page.TextContentAsync("#" + id) ?? "";
        }

        var legend = await page.EvalOnSelectorAllAsync<string[][]>("#legend li", "items => items.map(i => [i.dataset.state, i.textContent])");
        return new WebViewPage(
            await page.GetAttributeAsync("body", "data-from") ?? "",
            await page.GetAttributeAsync("body", "data-to") ?? "",
            cards,
            legend.ToDictionary(i => i[0], i => i[1], StringComparer.Ordinal),
            await page.EvalOnSelectorAllAsync<string[][]>("#heatmap .cell", "cells => cells.map(c => [c.dataset.node, c.dataset.gpu, c.dataset.state])"),
            await RowsAsync(page, "jobs"),
            await RowsAsync(page, "teams"),
            await RowsAsync(page, "waste"),
            await RowsAsync(page, "alerts"));
    }

    private static async Task<string[][]> RowsAsync(IPage page, string table) =>
        await page.EvalOnSelectorAllAsync<string[][]>($"#{table} tbody tr:not(:has(td.empty))", "rows => rows.map(r => [...r.cells].map(c => c.textContent))");
}
