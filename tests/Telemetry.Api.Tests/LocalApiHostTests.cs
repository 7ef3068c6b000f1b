using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerting;
using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

/// <summary>The local host over real loopback HTTP, answering byte for byte as the handlers do.</summary>
[TestClass]
public sealed class LocalApiHostTests
{
    [TestMethod]
    [DataRow("/api/fleet")]
    [DataRow("/api/gpus?state=productive&limit=1&offset=1")]
    [DataRow("/api/jobs/job-1?from=2026-01-01&to=2026-01-01T00:01:30Z")]
    [DataRow("/api/jobs/job%2D2?from=2026-01-01")]
    [DataRow("/api/energy?by=model&from=2026-01-01")]
    [DataRow("/api/energy?by=job&from=2026-01-01&format=csv")]
    [DataRow("/api/waste?limit=2")]
    [DataRow("/api/alerts")]
    [DataRow("/api/jobs/job-9")]
    [DataRow("/api/gpus?limit=0")]
    [DataRow("/api/fleet?verbose=1")]
    public async Task EachRouteAnswersOverHttpAsTheHandlerDoes(string pathAndQuery)
    {
        using var apis = new Apis();
        using var outbox = new TempDirectory();
        using var services = WasteAndAlertsTests.AlertingServices(outbox.Path);
        var pipeline = services.GetRequiredService<AlertPipeline>();
        pipeline.Observe(SampleFleet.Window(0, xid: 79));
        var api = apis.Open(alerts: pipeline);
        await using var host = await LocalApiHost.StartAsync(api, 0, CancellationToken.None);
        using var http = new HttpClient();

        using var response = await http.GetAsync(new Uri(host.Url + pathAndQuery));
        var body = await response.Content.ReadAsStringAsync();
        var expected = await ApiCall.GetAsync(api, Uri.UnescapeDataString(pathAndQuery.Split('?')[0]) + (pathAndQuery.Contains('?', StringComparison.Ordinal) ? "?" + pathAndQuery.Split('?')[1] : ""));

        Assert.AreEqual(expected.Status, (int)response.StatusCode, body);
        Assert.AreEqual(expected.ContentType, response.Content.Headers.ContentType?.ToString());
        Assert.AreEqual(expected.Body, body);
        Assert.AreEqual("no-store", response.Headers.CacheControl?.ToString());
    }

    [TestMethod]
    public async Task ItListensOnLoopbackOnAFreePort()
    {
        using var apis = new Apis();

        await using var host = await LocalApiHost.StartAsync(apis.Open(), 0, CancellationToken.None);

        var url = new Uri(host.Url);
        Assert.AreEqual("127.0.0.1", url.Host);
        Assert.AreNotEqual(0, url.Port);
        Assert.IsFalse(host.Url.EndsWith('/'));
    }

    [TestMethod]
    public async Task ATakenPortFailsTheStart()
    {
        using var apis = new Apis();
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        await Assert.ThrowsAsync<IOException>(() => LocalApiHost.StartAsync(apis.Open(), port, CancellationToken.None));
    }

    [TestMethod]
    public async Task BodiesLongQueriesAndOtherMethodsAreRefused()
    {
        using var apis = new Apis();
        await using var host = await LocalApiHost.StartAsync(apis.Open(), 0, CancellationToken.None);
        using var http = new HttpClient();

        using var withBody = new HttpRequestMessage(HttpMethod.Get, host.Url + "/api/fleet") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        using var bodyResponse = await http.SendAsync(withBody);
        using var longQuery = await http.GetAsync(new Uri(host.Url + "/api/gpus?node=" + new string('n', 9000)));
        using var hugeQuery = await http.GetAsync(new Uri(host.Url + "/api/gpus?node=" + new string('n', 20_000)));
        using var post = await http.PostAsync(new Uri(host.Url + "/api/fleet"), new ByteArrayContent([]));
        using var unknown = await http.GetAsync(new Uri(host.Url + "/api/nothing"));

        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, bodyResponse.StatusCode);
        Assert.AreEqual(new MediaTypeHeaderValue("application/problem+json") { CharSet = "utf-8" }, bodyResponse.Content.Headers.ContentType);
        Assert.AreEqual(HttpStatusCode.RequestEntityTooLarge, longQuery.StatusCode);
        Assert.AreEqual(HttpStatusCode.RequestUriTooLong, hugeQuery.StatusCode, "past Kestrel's request-line limit, Kestrel answers itself");
        Assert.AreEqual(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [TestMethod]
    public async Task ReadyzAnswers503UntilTheProcessIsReadyAndMetricsAreServedOnlyGivenAMeter()
    {
        using var apis = new Apis();
        var ready = false;
        await using var host = await LocalApiHost.StartAsync(apis.Open(), 0, new LocalApiHostOptions { Ready = () => ready }, CancellationToken.None);
        using var http = new HttpClient();

        using var before = await http.GetAsync(new Uri(host.Url + "/readyz"));
        ready = true;
        using var after = await http.GetAsync(new Uri(host.Url + "/readyz"));
        using var health = await http.GetAsync(new Uri(host.Url + "/healthz"));
        using var metrics = await http.GetAsync(new Uri(host.Url + "/metrics"));

        Assert.AreEqual(HttpStatusCode.ServiceUnavailable, before.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, after.StatusCode);
        Assert.AreEqual(HttpStatusCode.OK, health.StatusCode);
        Assert.AreEqual(HttpStatusCode.NotFound, metrics.StatusCode);
    }
}
