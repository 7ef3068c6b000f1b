using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Playwright;
using Telemetry.Analytics.Monitoring;
using Telemetry.Cli.Demo;
using Telemetry.Cli.Tests.WebView;
using Telemetry.Testing.Browser;
using Telemetry.Testing.Metrics;

namespace Telemetry.Cli.Tests;

/// <summary>
/// A demo serving its local host as <c>./telemetry demo --serve</c> does: after the simulated fleet has run, its
/// <c>/metrics</c> equals the pipeline's own accounting, and the web view, loaded in a real headless Chromium, shows the
/// demo's jobs with the API's numbers.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class DemoLocalHostTests
{
    private static readonly string Directory = Path.Combine(Path.GetTempPath(), "telemetry-localhost-" + Guid.NewGuid().ToString("N"));
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private static AlertingHost _alerting = null!;
    private static AggregatorMetrics _metrics = null!;
    private static ApiSetup _api = null!;
    private static DemoResult _result = null!;

    [ClassInitialize]
    public static async Task RunDemoAsync(TestContext context)
    {
        _ = context;
        var ledger = Path.Combine(Directory, "ledger");
        _alerting = AlertingHost.Create(AnalyticsConfiguration.Load(null), ledger, NullLoggerFactory.Instance, null);
        _metrics = new AggregatorMetrics();
        _api = await ApiSetup.StartAsync(System.Net.IPAddress.Loopback, 0, ledger, null, null, _alerting.Pipeline, _metrics, NullLoggerFactory.Instance, CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        _result = await new DemoPipeline(NullLoggerFactory.Instance, TimeProvider.System).RunAsync(new DemoOptions
        {
            Nodes = 4,
            // Within the last hour, which the web view shows.
            Duration = TimeSpan.FromMinutes(30),
            // Paced, so that the agents cannot outrun the consumer by more than the mock cluster keeps.
            Speed = 600,
            Seed = 5,
            LedgerDirectory = ledger,
            Partitions = 4,
            Alerting = _alerting,
            Metrics = _metrics,
        }, null, stop.Token);
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await _api.DisposeAsync();
        await _alerting.DisposeAsync();
        _metrics.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }

    [TestMethod]
    public async Task MetricsEndpointReportsThePipelinesOwnAccounting()
    {
        var scrape = await PrometheusScrape.GetAsync(Http, new Uri(_api.Url + "/metrics"));

        var samples = _result.Report.Samples!;
        Assert.IsGreaterThan(0, samples.Aggregated);
        foreach (var (term, expected) in new[]
        {
            ("produced", samples.Produced), ("aggregated", samples.Aggregated), ("late", samples.Late), ("invalid", samples.Invalid),
            ("duplicate", samples.Duplicate), ("future", samples.Future), ("lost", samples.Lost),
        })
        {
            Assert.AreEqual(expected, scrape.Count("telemetry_aggregator_samples_total", ("term", term)), term);
        }

        Assert.HasCount(4, _result.Agents);
        foreach (var agent in _result.Agents)
        {
            Assert.AreEqual(agent.Produced, scrape.Count("telemetry_aggregator_agent_samples_total", ("agent", agent.AgentId), ("term", "produced")));
            Assert.AreEqual(agent.Received.Aggregated, scrape.Count("telemetry_aggregator_agent_samples_total", ("agent", agent.AgentId), ("term", "aggregated")));
            Assert.AreEqual(agent.Received.Late, scrape.Count("telemetry_aggregator_agent_samples_total", ("agent", agent.AgentId), ("term", "late")));
            Assert.AreEqual(agent.Lost, scrape.Count("telemetry_aggregator_agent_samples_total", ("agent", agent.AgentId), ("term", "lost")));
        }

        var windows = System.IO.Directory.GetFiles(Path.Combine(Directory, "ledger", "gpu-windows"), "*.parquet", SearchOption.AllDirectories).Length;
        Assert.AreEqual(windows, scrape.Count("telemetry_aggregator_sink_windows_total", ("sink", "ledger")));
        Assert.IsGreaterThan(0.0, scrape.Value("telemetry_aggregator_sink_write_time_seconds_total", ("sink", "ledger")) ?? 0);
        Assert.AreEqual(0, scrape.Count("telemetry_aggregator_messages_total", ("outcome", "lost")));
        Assert.AreEqual(0, scrape.Count("telemetry_aggregator_windows_pending"));
        Assert.IsNull(scrape.Value("telemetry_aggregator_sink_windows_total", ("sink", "influxdb")), "no InfluxDB was configured");
    }

    [TestMethod]
    public async Task EveryAggregatorSeriesTheSelfMetricsDashboardSelectsIsServedAndEveryServedOneIsShown()
    {
        var scrape = await PrometheusScrape.GetAsync(Http, new Uri(_api.Url + "/metrics"));

        // The InfluxDB sink's series appear only with InfluxDB configured, which this demo is not.
        var (missing, unshown) = SelfMetricsDashboard.Compare(scrape, "telemetry_aggregator_", name => !name.Contains("_influxdb_", StringComparison.Ordinal));

        Assert.IsEmpty(missing, "selected on the dashboard but not served: " + string.Join("; ", missing));
        Assert.IsEmpty(unshown, "served but on no panel: " + string.Join(", ", unshown));
    }

    [TestMethod]
    [DataRow("/healthz", "ok\n")]
    [DataRow("/readyz", "ready\n")]
    public async Task HealthAndReadinessAnswer(string path, string body)
    {
        using var response = await Http.GetAsync(new Uri(_api.Url + path));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(body, await response.Content.ReadAsStringAsync());
    }

    [TestMethod]
    public async Task WebViewShowsTheDemosJobsWithTheApisNumbers()
    {
        var chromium = SystemChromium.Require();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = SystemChromium.Arguments });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        var response = await page.GotoAsync(_api.Url + "/");
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = 20_000 });
        var view = await WebViewPage.ReadAsync(page);
        var api = await ApiAnswers.GetAsync(Http, _api.Url, view.From, view.To);
        if (Environment.GetEnvironmentVariable("WEB_VIEW_SCREENSHOT") is { Length: > 0 } screenshot)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot, FullPage = true });
        }

        Assert.AreEqual(WebViewPolicy, response!.Headers["content-security-policy"]);
        Assert.IsEmpty(problems, string.Join("\n", problems));
        var demoJobs = _result.Report.Jobs.Select(j => j.JobId).Order(StringComparer.Ordinal).ToList();
        Assert.IsNotEmpty(demoJobs);
        CollectionAssert.AreEquivalent(demoJobs, view.Jobs.Select(j => j[0]).ToList(), "every job of the demo, and no other");
        api.AssertShownIn(view);
    }

    private static string WebViewPolicy => Telemetry.Api.Web.WebView.ContentSecurityPolicy;

    internal static string Fixed(double value, int digits) => value.ToString("F" + digits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    internal static string Money(double value, string currency) => Fixed(value, 2) + " " + currency;

    internal static double Number(JsonElement element, string name) => element.GetProperty(name).GetDouble();
}
