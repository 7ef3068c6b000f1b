using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Alerting.Routing;
using Telemetry.Alerting.Tests.Support;
using Telemetry.Alerting.Webhooks;
using static Telemetry.Alerting.Tests.Delivery.OutboxHarness;
using static Telemetry.Alerting.Tests.Support.TestWindows;

namespace Telemetry.Alerting.Tests;

[TestClass]
public sealed class EndToEndTests
{
    [TestMethod]
    public async Task ACriticalXidInAWindowReachesTheReceiverSignedWithTheCatalogsAction()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync();
        var evaluator = Evaluators.Create();
        var dispatcher = new AlertDispatcher(new AlertRoutingOptions { GroupWait = TimeSpan.Zero }, TimeProvider.System, NullLogger<AlertDispatcher>.Instance);
        using var outbox = Create(Settings(directory), Endpoint(receiver));

        dispatcher.Update(evaluator.Evaluate(Window(0, [Gpu(0) with { XidCount = 1, XidLast = 79 }], [Job(0)])));
        foreach (var notification in dispatcher.Tick())
        {
            outbox.Enqueue(notification);
        }

        await DrainAsync(outbox);

        var request = Assert.ContainsSingle(receiver.Requests);
        Assert.AreEqual(WebhookVerification.Valid, Verify(request));
        var payload = WebhookPayloads.Deserialize(request.Body)!;
        Assert.AreEqual("firing", payload.Status);
        Assert.AreEqual("{}:{alertname=\"GpuCriticalXid\", node=\"node-a\"}", payload.GroupKey);
        var alert = Assert.ContainsSingle(payload.Alerts);
        Assert.AreEqual("79", alert.Labels["xid"]);
        Assert.AreEqual("critical", alert.Labels["severity"]);
        Assert.AreEqual(T0, alert.StartsAt);
        Assert.StartsWith("Drain the node and power-cycle it", alert.Annotations["action"]);
    }
}
