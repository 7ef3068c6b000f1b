using System.Text.Json;
using static Telemetry.Cli.Tests.DemoLocalHostTests;

namespace Telemetry.Cli.Tests.WebView;

/// <summary>The API's answers to the questions the web view asks, for the range it showed, formatted as the view formats them.</summary>
internal sealed record ApiAnswers(JsonElement Fleet, JsonElement Gpus, IReadOnlyList<JsonElement> Jobs, JsonElement Teams, JsonElement Waste, JsonElement Alerts)
{
    public static async Task<ApiAnswers> GetAsync(HttpClient http, string url, string from, string to)
    {
        var range = $"from={Uri.EscapeDataString(from)}&to={Uri.EscapeDataString(to)}";
        async Task<JsonElement> Get(string path) => JsonDocument.Parse(await http.GetStringAsync(new Uri(url + path))).RootElement;
        var byJob = await Get("/api/energy?by=job&" + range);
        var jobs = new List<JsonElement>();
        foreach (var group in byJob.GetProperty("groups").EnumerateArray())
        {
            jobs.Add(await Get("/api/jobs/" + Uri.EscapeDataString(group.GetProperty("key").GetString()!) + "?" + range));
        }

        return new ApiAnswers(await Get("/api/fleet"), await Get("/api/gpus?limit=5000"), jobs, await Get("/api/energy?by=team&" + range),
            await Get("/api/waste?limit=20&" + range), await Get("/api/alerts"));
    }

    public void AssertShownIn(WebViewPage view)
    {
        Assert.AreEqual(Fleet.GetProperty("gpus").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), view.Cards["fleet-gpus"]);
        Assert.AreEqual(Fixed(Number(Fleet, "powerWatts") / 1000, 1), view.Cards["fleet-power-kw"]);
        Assert.AreEqual(Fixed(Number(Fleet, "utilizationMean"), 1), view.Cards["fleet-utilization"]);
        Assert.AreEqual(Fixed(Number(Fleet, "costPerHour"), 2), view.Cards["fleet-cost-per-hour"]);
        Assert.AreEqual(Fixed(Number(Fleet, "energyJoules") / 3.6e6, 2), view.Cards["fleet-energy-kwh"]);
        CollectionAssert.AreEquivalent(
            Fleet.GetProperty("gpusByState").EnumerateObject().Select(s => $"{s.Name} {s.Value.GetInt32()}").ToList(),
            view.Legend.Values.ToList());
        CollectionAssert.AreEquivalent(
            Gpus.GetProperty("gpus").EnumerateArray().Select(g => $"{g.GetProperty("node").GetString()}/{g.GetProperty("gpuIndex").GetInt32()}/{g.GetProperty("state").GetString() ?? "unknown"}").ToList(),
            view.Cells.Select(c => string.Join('/', c)).ToList(),
            "the heatmap has every GPU of the latest window, in its state (a GPU no interval was charged to in the window, as one whose only sample there was its last, is unknown)");
        CollectionAssert.AreEquivalent(Jobs.Select(JobRow).ToList(), view.Jobs.Select(r => string.Join(" | ", r[..^1])).ToList());
        CollectionAssert.AreEqual(Teams.GetProperty("groups").EnumerateArray().Select(TeamRow).ToList(), view.Teams.Select(r => string.Join(" | ", r)).ToList());
        CollectionAssert.AreEqual(Waste.GetProperty("entries").EnumerateArray().Select(WasteRow).ToList(), view.Waste.Select(r => string.Join(" | ", r)).ToList());
        Assert.HasCount(Alerts.GetProperty("alerts").GetArrayLength(), view.Alerts);
    }

    private static string JobRow(JsonElement job) => string.Join(" | ",
        job.GetProperty("jobId").GetString(),
        job.GetProperty("team").GetString(),
        Fixed(Number(job, "gpuSeconds") / 3600, 1),
        Fixed(Number(job, "energyJoules") / 3.6e6, 2),
        Optional(job, "tokensPerJoule"),
        Optional(job, "tflopsPerWatt"),
        Money(Number(job, "cost"), job.GetProperty("currency").GetString()!));

    private static string Optional(JsonElement element, string name) =>
        element.GetProperty(name).ValueKind == JsonValueKind.Null ? "–" : Fixed(element.GetProperty(name).GetDouble(), 3);

    private static string TeamRow(JsonElement group) => string.Join(" | ",
        group.GetProperty("key").GetString(),
        Fixed(Number(group, "energyJoules") / 3.6e6, 2),
        Fixed(Number(group, "gpuSeconds") / 3600, 1),
        Money(Number(group, "cost"), group.GetProperty("currency").GetString()!));

    private static string WasteRow(JsonElement entry) => string.Join(" | ",
        entry.GetProperty("team").GetString(),
        entry.GetProperty("class").GetString(),
        entry.GetProperty("model").GetString(),
        Fixed(Number(entry, "gpuSeconds") / 3600, 2),
        Fixed(Number(entry, "energyJoules") / 3.6e6, 3),
        Money(Number(entry, "cost"), entry.GetProperty("currency").GetString()!));
}
