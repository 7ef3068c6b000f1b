using System.Net;
using Microsoft.Playwright;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Queries;
using Telemetry.Analytics.Windows;
using Telemetry.Api.Tests.Support;
using Telemetry.Api.Web;
using Telemetry.Testing.Browser;

namespace Telemetry.Api.Tests;

/// <summary>The web view's files over loopback HTTP, and its page in headless Chromium fed names that are markup.</summary>
[TestClass]
public sealed class WebViewTests
{
    private const string HostileJob = "<img src=x onerror=document.body.dataset.injected=1>";
    private const string HostileTeam = "</td><script>document.body.dataset.injected=2</script>";
    private const string HostileNode = "\"><svg onload=document.body.dataset.injected=3>";

    [TestMethod]
    [DataRow("/", "text/html; charset=utf-8")]
    [DataRow("/ui/dashboard.js", "text/javascript; charset=utf-8")]
    [DataRow("/ui/dashboard.css", "text/css; charset=utf-8")]
    [DataRow("/favicon.ico", "image/svg+xml")]
    public async Task EveryFileIsServedUnderTheContentSecurityPolicy(string path, string contentType)
    {
        using var apis = new Apis();
        await using var host = await LocalApiHost.StartAsync(apis.Open(), 0, CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(host.Url + path));

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual(contentType, response.Content.Headers.ContentType?.ToString());
        Assert.AreEqual(WebView.ContentSecurityPolicy, string.Join(", ", response.Headers.GetValues("Content-Security-Policy")));
        Assert.AreEqual("nosniff", string.Join(", ", response.Headers.GetValues("X-Content-Type-Options")));
        Assert.IsGreaterThan(0L, response.Content.Headers.ContentLength ?? 0);
    }

    [TestMethod]
    public async Task NamesThatAreMarkupAreShownAsTextAndNeverRun()
    {
        var chromium = SystemChromium.Require();
        using var ledger = new TempDirectory();
        var writer = new LedgerWriter(ledger.Path);
        writer.Write(Hostile(SampleFleet.Window(0)));
        writer.Write(Hostile(SampleFleet.Window(1)));
        var api = new TelemetryApi(new LedgerQueryStore(new LedgerReader(ledger.Path)), TimeProvider.System);
        await using var host = await LocalApiHost.StartAsync(api, 0, CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = SystemChromium.Arguments });
        var page = await browser.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => dialogs++;

        await page.GotoAsync(host.Url + "/");
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = 20_000 });

        Assert.IsNull(await page.GetAttributeAsync("body", "data-injected"), "no injected script or handler ran");
        Assert.AreEqual(0, dialogs);
        Assert.AreEqual(0, await page.Locator("img, svg, #jobs script, #teams script").CountAsync(), "no element came from the API's strings");
        Assert.AreEqual(HostileJob, await page.Locator("#jobs tbody tr td").First.TextContentAsync());
        Assert.AreEqual(1, await page.Locator("#jobs tbody td", new PageLocatorOptions { HasTextString = HostileTeam }).CountAsync());
        Assert.AreEqual(HostileNode, await page.Locator("#heatmap .node .name").First.TextContentAsync());
    }

    [TestMethod]
    public async Task ThePageFollowsNewWindowsWithoutAReload()
    {
        var chromium = SystemChromium.Require();
        using var ledger = new TempDirectory();
        var writer = new LedgerWriter(ledger.Path);
        writer.Write(SampleFleet.Window(0));
        var api = new TelemetryApi(new LedgerQueryStore(new LedgerReader(ledger.Path)), TimeProvider.System);
        await using var host = await LocalApiHost.StartAsync(api, 0, CancellationToken.None);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = chromium, Headless = true, Args = SystemChromium.Arguments });
        var page = await browser.NewPageAsync();
        await page.GotoAsync(host.Url + "/");
        await page.WaitForSelectorAsync("body[data-loaded]", new PageWaitForSelectorOptions { Timeout = 20_000 });
        var first = await page.TextContentAsync("#window");

        writer.Write(SampleFleet.Window(1));
        await page.WaitForFunctionAsync("() => document.getElementById('window').textContent.includes('00:01–00:02')", null, new PageWaitForFunctionOptions { Timeout = 20_000 });

        Assert.AreEqual("window 00:00–00:01 UTC", first);
        Assert.IsGreaterThanOrEqualTo(2, int.Parse(await page.GetAttributeAsync("body", "data-loaded") ?? "0", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static ClosedWindow Hostile(ClosedWindow window) => window with
    {
        Gpus = [.. window.Gpus.Select(g => g with { JobId = Job(g.JobId), Node = Node(g.Node) })],
        Jobs = [.. window.Jobs.Select(j => j with { JobId = Job(j.JobId)!, Team = j.JobId == "job-1" ? HostileTeam : j.Team })],
        States = [.. window.States!.Select(s => s with { JobId = Job(s.JobId), Node = Node(s.Node) })],
    };

    private static string? Job(string? job) => job == "job-1" ? HostileJob : job;

    private static string Node(string node) => node == "node-1" ? HostileNode : node;
}
