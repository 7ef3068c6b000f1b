using System.Text.Json;
using Telemetry.Alerting.Tests.Support;
using static Telemetry.Alerting.Tests.Delivery.OutboxHarness;

namespace Telemetry.Alerting.Tests.Delivery;

[TestClass]
public sealed class OutboxPersistenceTests
{
    [TestMethod]
    public async Task ANewOutboxOverTheSameDirectoryDeliversWhatTheOldOneLeft()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync(TestReceiver.Respond(500));
        string id;
        using (var before = Create(Settings(directory), Endpoint(receiver)))
        {
            id = Assert.ContainsSingle(before.Enqueue(Notification()));
            await before.DeliverDueAsync(CancellationToken.None);
            Assert.AreEqual(1, before.PendingCount);
        }

        using var after = Create(Settings(directory), Endpoint(receiver));
        Assert.AreEqual(1, after.PendingCount);
        await DrainAsync(after);

        var requests = receiver.Requests.ToArray();
        Assert.HasCount(2, requests);
        Assert.IsTrue(requests.All(r => r.Id == id));
        Assert.AreEqual(1, after.Counters.Delivered);
        Assert.IsEmpty(PendingFiles(directory));
    }

    [TestMethod]
    public async Task APendingFileIsWholeJsonWithTheAttemptsSoFar()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync(TestReceiver.Respond(503));
        using var outbox = Create(Settings(directory), Endpoint(receiver));

        var id = Assert.ContainsSingle(outbox.Enqueue(Notification()));
        await outbox.DeliverDueAsync(CancellationToken.None);

        var file = Assert.ContainsSingle(PendingFiles(directory));
        Assert.EndsWith($"-{id}.json", file);
        Assert.IsEmpty(Directory.GetFiles(directory.Path, "*.tmp"));
        using var json = JsonDocument.Parse(File.ReadAllText(file));
        Assert.AreEqual(1, json.RootElement.GetProperty("attempts").GetInt32());
        Assert.Contains("HTTP 503", json.RootElement.GetProperty("lastError").GetString()!);
        Assert.AreEqual("ops", json.RootElement.GetProperty("endpoint").GetString());
    }

    [TestMethod]
    public async Task LeftoversOfACrashAreCleanedAndUnreadableFilesSetAside()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync();
        Directory.CreateDirectory(directory.Path);
        File.WriteAllText(Path.Combine(directory.Path, "20250304T100000Z-msg_half.json.tmp"), "{\"id\":");
        File.WriteAllText(Path.Combine(directory.Path, "20250304T100000Z-msg_bad.json"), "not json");

        using var outbox = Create(Settings(directory), Endpoint(receiver));

        Assert.AreEqual(0, outbox.PendingCount);
        Assert.IsEmpty(Directory.GetFiles(directory.Path));
        Assert.ContainsSingle(FailedFiles(directory));
        Assert.AreEqual(1, outbox.Counters.FailedPermanently);
    }

    [TestMethod]
    public async Task ADeliveryForAnEndpointNoLongerConfiguredIsSetAside()
    {
        using var directory = new TempDirectory();
        await using var receiver = await TestReceiver.StartAsync(TestReceiver.Respond(500));
        using (var before = Create(Settings(directory), Endpoint(receiver)))
        {
            before.Enqueue(Notification());
        }

        var renamed = Endpoint(receiver);
        renamed.Name = "ops-new";
        using var after = Create(Settings(directory), renamed);
        await DrainAsync(after);

        Assert.IsEmpty(receiver.Requests);
        Assert.Contains("no longer configured", File.ReadAllText(Assert.ContainsSingle(FailedFiles(directory))));
    }
}
