using System.Text;
using System.Text.Json;
using Telemetry.Alerting.Routing;
using Telemetry.Alerting.Webhooks;

namespace Telemetry.Alerting.Tests.Webhooks;

[TestClass]
public sealed class WebhookPayloadTests
{
    /// <summary>The notification documented in webhook-example.json: one GPU still idle, another no longer.</summary>
    internal static AlertNotification ExampleNotification()
    {
        Alert Idle(string gpu, DateTimeOffset startsAt, DateTimeOffset? endsAt) => new(
            [
                new("alertname", "GpuAllocatedIdle"), new("severity", "warning"), new("node", "dgx-a17"), new("gpu", gpu),
                new("job", "train-llm-42"), new("team", "llm"),
            ],
            [
                new("summary", $"GPU {gpu} (NVIDIA H100 80GB HBM3, GPU-{gpu}) on dgx-a17 is held by job train-llm-42 but idle for 35 min"),
                new("description", $"GPU {gpu} (NVIDIA H100 80GB HBM3, GPU-{gpu}) on dgx-a17 spent most of every window for 35 min allocated to job train-llm-42 with its SMs idle."),
                new("action", "Ask the job's owner to put the GPU to work or release it."),
                new("runbook_url", "https://runbooks.example.com/gpu#gpuallocatedidle"),
            ],
            startsAt, endsAt, "https://telemetry.example.com/dashboards/fleet");

        var at = new DateTimeOffset(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);
        return new AlertNotification(
            "{}:{alertname=\"GpuAllocatedIdle\", node=\"dgx-a17\"}",
            new Dictionary<string, string> { ["node"] = "dgx-a17", ["alertname"] = "GpuAllocatedIdle" },
            NotificationStatus.Firing,
            [Idle("3", at.AddMinutes(-35), null), Idle("5", at.AddMinutes(-90), at.AddMinutes(-2).AddMilliseconds(250))],
            0,
            "https://telemetry.example.com/");
    }

    private static string ExampleFile() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "webhook-example.json")).ReplaceLineEndings("\n").TrimEnd('\n');

    [TestMethod]
    public void TheSerializedExampleNotificationIsTheDocumentedExample()
    {
        var payload = WebhookPayloads.Build(ExampleNotification(), "ops");

        Assert.AreEqual(ExampleFile(), WebhookPayloads.SerializeIndented(payload).ReplaceLineEndings("\n"));
    }

    [TestMethod]
    public void TheBodySentIsCompactJsonOfTheSamePayload()
    {
        var payload = WebhookPayloads.Build(ExampleNotification(), "ops");

        var body = WebhookPayloads.Serialize(payload);

        Assert.DoesNotContain("\n", Encoding.UTF8.GetString(body));
        Assert.IsTrue(JsonElement.DeepEquals(JsonDocument.Parse(body).RootElement, JsonDocument.Parse(ExampleFile()).RootElement));
    }

    [TestMethod]
    public void AFiringAlertEndsAtTheZeroTimeAndTimesAreUtcWithZ()
    {
        using var json = JsonDocument.Parse(WebhookPayloads.Serialize(WebhookPayloads.Build(ExampleNotification(), "ops")));
        var alerts = json.RootElement.GetProperty("alerts");

        Assert.AreEqual("0001-01-01T00:00:00Z", alerts[0].GetProperty("endsAt").GetString());
        Assert.AreEqual("2025-03-04T09:25:00Z", alerts[0].GetProperty("startsAt").GetString());
        Assert.AreEqual("2025-03-04T09:58:00.25Z", alerts[1].GetProperty("endsAt").GetString());
        Assert.AreEqual("resolved", alerts[1].GetProperty("status").GetString());
    }

    [TestMethod]
    public void CommonLabelsAndAnnotationsAreThoseEveryAlertShares()
    {
        var payload = WebhookPayloads.Build(ExampleNotification(), "ops");

        CollectionAssert.AreEqual(new[] { "alertname", "job", "node", "severity", "team" }, payload.CommonLabels.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "action", "runbook_url" }, payload.CommonAnnotations.Keys.ToArray());
        Assert.AreEqual("4", payload.Version);
        Assert.AreEqual("ops", payload.Receiver);
    }

    [TestMethod]
    public void APayloadReadsBackAsItWasWritten()
    {
        var payload = WebhookPayloads.Build(ExampleNotification(), "ops");

        var read = WebhookPayloads.Deserialize(WebhookPayloads.Serialize(payload))!;

        Assert.AreEqual(payload.GroupKey, read.GroupKey);
        Assert.AreEqual(payload.Alerts[1].EndsAt, read.Alerts[1].EndsAt);
        Assert.AreEqual(DateTimeOffset.MinValue, read.Alerts[0].EndsAt);
        Assert.AreEqual(payload.Alerts[0].Fingerprint, read.Alerts[0].Fingerprint);
    }
}
