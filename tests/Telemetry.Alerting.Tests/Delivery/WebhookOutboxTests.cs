using System.Text.Json;
using Telemetry.Alerting.Tests.Support;
using Telemetry.Alerting.Webhooks;
using static Telemetry.Alerting.Tests.Delivery.OutboxHarness;

namespace Telemetry.Alerting.Tests.Delivery;

/// <summary>Delivery to a real HTTP server over loopback.</summary>
[TestClass]
public sealed class WebhookOutboxTests
{
    [TestMethod]
    public async Task ServerErrorsAreRetriedUnderOneIdWithValidSignaturesUntilAccepted()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync(TestReceiver.Respond(500), TestReceiver.Respond(502));
        using var outbox = Create(Settings(directory), Endpoint(receiver));

        var id = Assert.ContainsSingle(outbox.Enqueue(Notification()));
        await DrainAsync(outbox);

        var requests = receiver.Requests.ToArray();
        Assert.HasCount(3, requests);
        Assert.IsTrue(requests.All(r => r.Id == id));
        Assert.IsTrue(requests.All(r => Verify(r) == WebhookVerification.Valid));
        Assert.IsTrue(requests.All(r => r.Body.AsSpan().SequenceEqual(requests[0].Body)));
        var payload = WebhookPayloads.Deserialize(requests[0].Body)!;
        Assert.AreEqual("ops", payload.Receiver);
        Assert.AreEqual("4", payload.Version);
        Assert.AreEqual(1, outbox.Counters.Delivered);
        Assert.AreEqual(2, outbox.Counters.Retried);
        Assert.AreEqual(0, outbox.Counters.FailedPermanently);
        Assert.IsEmpty(PendingFiles(directory));
        Assert.IsEmpty(FailedFiles(directory));
    }

    [TestMethod]
    public async Task AnAttemptThatTimesOutIsRetried()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync(TestReceiver.Hang(TimeSpan.FromSeconds(30)));
        using var outbox = Create(Settings(directory), Endpoint(receiver, timeout: TimeSpan.FromSeconds(1)));

        outbox.Enqueue(Notification());
        await DrainAsync(outbox);

        Assert.HasCount(2, receiver.Requests);
        Assert.AreEqual(1, outbox.Counters.Retried);
        Assert.AreEqual(1, outbox.Counters.Delivered);
    }

    [TestMethod]
    public async Task GoneIsNotRetriedAndTheDeliveryMovesToFailedWithTheReason()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync(TestReceiver.Respond(410));
        using var outbox = Create(Settings(directory), Endpoint(receiver));

        var id = Assert.ContainsSingle(outbox.Enqueue(Notification()));
        await DrainAsync(outbox);

        Assert.ContainsSingle(receiver.Requests);
        Assert.AreEqual(1, outbox.Counters.FailedPermanently);
        Assert.AreEqual(0, outbox.Counters.Retried);
        Assert.IsEmpty(PendingFiles(directory));
        using var failed = JsonDocument.Parse(File.ReadAllText(Assert.ContainsSingle(FailedFiles(directory))));
        Assert.AreEqual(id, failed.RootElement.GetProperty("id").GetString());
        Assert.Contains("HTTP 410", failed.RootElement.GetProperty("failureReason").GetString()!);
        Assert.AreEqual(1, failed.RootElement.GetProperty("attempts").GetInt32());
    }

    [TestMethod]
    public async Task TooManyRequestsWaitsAsLongAsRetryAfterSays()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync(TestReceiver.Respond(429, ("Retry-After", "1")));
        using var outbox = Create(Settings(directory), Endpoint(receiver));

        outbox.Enqueue(Notification());
        await outbox.DeliverDueAsync(CancellationToken.None);
        var next = outbox.NextAttemptAt;
        await DrainAsync(outbox);

        var requests = receiver.Requests.ToArray();
        Assert.HasCount(2, requests);
        Assert.IsNotNull(next);
        Assert.IsGreaterThan(requests[0].At.AddMilliseconds(900), next.Value);
        Assert.IsGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(900), requests[1].At - requests[0].At);
        Assert.AreEqual(requests[0].Id, requests[1].Id);
    }

    [TestMethod]
    public async Task ARedirectIsNeverFollowed()
    {
        using var directory = new TempDirectory();
        await using var inside = await TestReceiver.StartAsync();
        await using var receiver = await TestReceiver.StartAsync(TestReceiver.Respond(302, ("Location", new Uri(inside.Url, "admin").AbsoluteUri)));
        using var outbox = Create(Settings(directory), Endpoint(receiver));

        outbox.Enqueue(Notification());
        await DrainAsync(outbox);

        Assert.ContainsSingle(receiver.Requests);
        Assert.IsEmpty(inside.Requests);
        Assert.AreEqual(1, outbox.Counters.FailedPermanently);
        Assert.Contains("not followed", File.ReadAllText(Assert.ContainsSingle(FailedFiles(directory))));
    }

    [TestMethod]
    public async Task AnEndpointWhoseNameResolvesToLoopbackIsRefusedWithoutRetry()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync();
        var endpoint = Endpoint(receiver);
        endpoint.Url = $"http://localhost:{receiver.Port}/hook";
        endpoint.AllowPrivateNetwork = false;
        using var outbox = Create(Settings(directory), endpoint);

        outbox.Enqueue(Notification());
        await DrainAsync(outbox);

        Assert.IsEmpty(receiver.Requests);
        Assert.AreEqual(1, outbox.Counters.FailedPermanently);
        Assert.Contains("loopback", File.ReadAllText(Assert.ContainsSingle(FailedFiles(directory))));
    }

    [TestMethod]
    public async Task AttemptsAreBounded()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync(Enumerable.Repeat(TestReceiver.Respond(503), 10).ToArray());
        using var outbox = Create(Settings(directory, maxAttempts: 3), Endpoint(receiver));

        outbox.Enqueue(Notification());
        await DrainAsync(outbox);

        Assert.HasCount(3, receiver.Requests);
        Assert.AreEqual(1, outbox.Counters.FailedPermanently);
        Assert.Contains("gave up after 3 attempts", File.ReadAllText(Assert.ContainsSingle(FailedFiles(directory))));
    }

    [TestMethod]
    public async Task AnEndpointGetsNoMoreCallsAtOnceThanItsLimit()
    {
        using var directory = new TempDirectory();
        var slow = TestReceiver.Slow(TimeSpan.FromMilliseconds(100));
        await using var receiver = await TestReceiver.StartAsync(slow, slow, slow, slow);
        using var outbox = Create(Settings(directory), Endpoint(receiver, concurrency: 1));

        for (var i = 0; i < 4; i++)
        {
            outbox.Enqueue(Notification());
        }

        await DrainAsync(outbox);

        Assert.HasCount(4, receiver.Requests);
        Assert.AreEqual(1, receiver.MaxInFlight);
        Assert.AreEqual(4, receiver.Requests.Select(r => r.Id).Distinct().Count());
    }
}
