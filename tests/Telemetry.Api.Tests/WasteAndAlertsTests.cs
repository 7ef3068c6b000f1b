using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerting;
using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

[TestClass]
public sealed class WasteAndAlertsTests
{
    [TestMethod]
    public async Task WasteIsRankedByCostAndCutToTheLimit()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var all = await ApiCall.GetAsync(api, "/api/waste");
        var top = await ApiCall.GetAsync(api, "/api/waste?limit=1");

        var entries = all.Json.GetProperty("entries");
        Assert.AreEqual(3, entries.GetArrayLength());
        Assert.AreEqual("vision", entries[0].GetProperty("team").GetString());
        Assert.AreEqual("allocated-idle", entries[0].GetProperty("class").GetString());
        Assert.AreEqual(50, entries[0].GetProperty("gpuSeconds").GetDouble(), 1e-9);
        Assert.AreEqual(1, top.Json.GetProperty("entries").GetArrayLength());
        Assert.AreEqual("2026-01-01T01:00:00Z", all.Json.GetProperty("to").GetString(), "to defaults to now");
        Assert.AreEqual("2025-12-31T01:00:00Z", all.Json.GetProperty("from").GetString(), "from to a day before to");
    }

    [TestMethod]
    [DataRow("limit=0")]
    [DataRow("limit=1001")]
    [DataRow("limit=ten")]
    public async Task AWasteLimitOutOfRangeIsRefused(string query)
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/waste?" + query);

        Assert.AreEqual("limit", answer.ProblemParameter(400));
    }

    [TestMethod]
    public async Task WithoutAlertingTheListIsEmptyAndSaysSo()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/alerts");

        Assert.AreEqual(200, answer.Status);
        Assert.IsFalse(answer.Json.GetProperty("enabled").GetBoolean());
        Assert.AreEqual(0, answer.Json.GetProperty("alerts").GetArrayLength());
    }

    [TestMethod]
    public async Task OpenAlertsAreListedWithLabelsAnnotationsStartFingerprintAndSeverity()
    {
        using var apis = new Apis();
        using var outbox = new TempDirectory();
        using var services = AlertingServices(outbox.Path);
        var pipeline = services.GetRequiredService<AlertPipeline>();
        pipeline.Observe(SampleFleet.Window(0, xid: 79));

        var answer = await ApiCall.GetAsync(apis.Open(alerts: pipeline), "/api/alerts");

        Assert.AreEqual(200, answer.Status, answer.Body);
        Assert.IsTrue(answer.Json.GetProperty("enabled").GetBoolean());
        var alert = answer.Json.GetProperty("alerts").EnumerateArray().Single(a => a.GetProperty("labels").GetProperty("alertname").GetString() == "GpuCriticalXid");
        Assert.AreEqual("79", alert.GetProperty("labels").GetProperty("xid").GetString());
        Assert.AreEqual("llm", alert.GetProperty("labels").GetProperty("team").GetString());
        Assert.AreEqual("critical", alert.GetProperty("severity").GetString());
        Assert.AreEqual("2026-01-01T00:00:00Z", alert.GetProperty("startsAt").GetString());
        Assert.AreEqual(pipeline.Open.Single(a => a.Name == "GpuCriticalXid").Fingerprint, alert.GetProperty("fingerprint").GetString());
        Assert.IsFalse(string.IsNullOrEmpty(alert.GetProperty("annotations").GetProperty("action").GetString()));
    }

    internal static ServiceProvider AlertingServices(string outbox) => new ServiceCollection()
        .AddLogging()
        .AddTelemetryAlerting(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerting:Delivery:Directory"] = outbox,
        }).Build())
        .BuildServiceProvider();
}
