using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Alerting.Routing;

namespace Telemetry.Alerting.Tests.Routing;

[TestClass]
public sealed class AlertDispatcherTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 4, 10, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Start);

    private static Alert Idle(string node, int gpu) => new(
        [new("alertname", "GpuAllocatedIdle"), new("severity", "warning"), new("node", node), new("gpu", gpu.ToString(System.Globalization.CultureInfo.InvariantCulture))],
        [new("summary", $"GPU {gpu} on {node} idle")],
        Start.AddMinutes(-30));

    private AlertDispatcher Dispatcher(AlertRoutingOptions? options = null) =>
        new(options ?? new AlertRoutingOptions(), _time, NullLogger<AlertDispatcher>.Instance);

    /// <summary>Advances the clock by <paramref name="span"/>, ticking every 10 seconds, and returns what came due.</summary>
    private List<(DateTimeOffset At, AlertNotification Notification)> Run(AlertDispatcher dispatcher, TimeSpan span)
    {
        var due = new List<(DateTimeOffset, AlertNotification)>();
        var end = _time.GetUtcNow() + span;
        while (_time.GetUtcNow() < end)
        {
            _time.Advance(TimeSpan.FromSeconds(10));
            due.AddRange(dispatcher.Tick().Select(n => (_time.GetUtcNow(), n)));
        }

        return due;
    }

    [TestMethod]
    public void AGroupLivesThroughGroupWaitGroupIntervalRepeatAndResolve()
    {
        var dispatcher = Dispatcher();
        var a = Idle("node-a", 0);
        var b = Idle("node-a", 1);

        // Group wait: the first notification 30 s after the first alert, not before.
        dispatcher.Update([a]);
        Assert.IsEmpty(dispatcher.Tick());
        var first = Assert.ContainsSingle(Run(dispatcher, TimeSpan.FromSeconds(30)));
        Assert.AreEqual(Start.AddSeconds(30), first.At);
        Assert.AreEqual("firing", first.Notification.Status);
        Assert.AreEqual("{}:{alertname=\"GpuAllocatedIdle\", node=\"node-a\"}", first.Notification.GroupKey);
        Assert.AreEqual(a.Fingerprint, Assert.ContainsSingle(first.Notification.Alerts).Fingerprint);

        // A new alert in the group waits for the group interval (5 min after the first notification).
        Assert.IsEmpty(Run(dispatcher, TimeSpan.FromMinutes(1)));
        dispatcher.Update([a, b]);
        var second = Assert.ContainsSingle(Run(dispatcher, TimeSpan.FromMinutes(5)));
        Assert.AreEqual(Start.AddSeconds(30).AddMinutes(5), second.At);
        Assert.HasCount(2, second.Notification.Alerts);

        // Unchanged, the group repeats after the repeat interval and only then.
        var repeats = Run(dispatcher, TimeSpan.FromHours(4) + TimeSpan.FromMinutes(10));
        var repeat = Assert.ContainsSingle(repeats);
        Assert.AreEqual(second.At + TimeSpan.FromHours(4), repeat.At);
        Assert.HasCount(2, repeat.Notification.Alerts);

        // Resolved: one resolved notification at the next group interval, then nothing and the group is gone.
        dispatcher.Update([]);
        var resolvedAt = _time.GetUtcNow();
        var resolved = Assert.ContainsSingle(Run(dispatcher, TimeSpan.FromMinutes(5)));
        Assert.AreEqual("resolved", resolved.Notification.Status);
        Assert.IsTrue(resolved.Notification.Alerts.All(x => x.IsResolved && x.EndsAt == resolvedAt));
        Assert.IsEmpty(Run(dispatcher, TimeSpan.FromHours(5)));
        Assert.AreEqual(0, dispatcher.GroupCount);
    }

    [TestMethod]
    public void AlertsOfAnotherNodeFormTheirOwnGroupWithTheirOwnWait()
    {
        var dispatcher = Dispatcher();

        dispatcher.Update([Idle("node-a", 0)]);
        _time.Advance(TimeSpan.FromSeconds(20));
        dispatcher.Update([Idle("node-a", 0), Idle("node-b", 0)]);
        var due = Run(dispatcher, TimeSpan.FromSeconds(40));

        Assert.HasCount(2, due);
        Assert.AreEqual(Start.AddSeconds(30), due[0].At);
        Assert.AreEqual(Start.AddSeconds(50), due[1].At);
        Assert.AreEqual("node-b", due[1].Notification.GroupLabels["node"]);
    }

    [TestMethod]
    public void OneResolvedAlertOfAFiringGroupIsSentWithTheStillFiringOnes()
    {
        var dispatcher = Dispatcher();
        dispatcher.Update([Idle("node-a", 0), Idle("node-a", 1)]);
        Run(dispatcher, TimeSpan.FromSeconds(30));

        dispatcher.Update([Idle("node-a", 0)]);
        var next = Assert.ContainsSingle(Run(dispatcher, TimeSpan.FromMinutes(5)));
        var after = Run(dispatcher, TimeSpan.FromMinutes(30));

        Assert.AreEqual("firing", next.Notification.Status);
        Assert.AreEqual(1, next.Notification.Alerts.Count(x => x.IsResolved));
        Assert.AreEqual(1, next.Notification.Alerts.Count(x => !x.IsResolved));
        Assert.IsEmpty(after);
    }

    [TestMethod]
    public void AnAlertThatResolvesWithinGroupWaitIsNeverSent()
    {
        var dispatcher = Dispatcher();

        dispatcher.Update([Idle("node-a", 0)]);
        _time.Advance(TimeSpan.FromSeconds(10));
        dispatcher.Update([]);

        Assert.IsEmpty(Run(dispatcher, TimeSpan.FromMinutes(10)));
        Assert.AreEqual(0, dispatcher.GroupCount);
    }

    [TestMethod]
    public void WithoutSendResolvedAResolvedGroupIsDroppedSilently()
    {
        var dispatcher = Dispatcher(new AlertRoutingOptions { SendResolved = false });
        dispatcher.Update([Idle("node-a", 0)]);
        Assert.ContainsSingle(Run(dispatcher, TimeSpan.FromSeconds(30)));

        dispatcher.Update([]);

        Assert.IsEmpty(Run(dispatcher, TimeSpan.FromMinutes(10)));
        Assert.AreEqual(0, dispatcher.GroupCount);
    }

    [TestMethod]
    public void MaxAlertsTruncatesAndCountsTheRest()
    {
        var dispatcher = Dispatcher(new AlertRoutingOptions { MaxAlerts = 2, ExternalUrl = new Uri("https://telemetry.example.com/") });

        dispatcher.Update([Idle("node-a", 0), Idle("node-a", 1), Idle("node-a", 2)]);
        var due = Assert.ContainsSingle(Run(dispatcher, TimeSpan.FromSeconds(30)));

        Assert.HasCount(2, due.Notification.Alerts);
        Assert.AreEqual(1, due.Notification.TruncatedAlerts);
        Assert.AreEqual("https://telemetry.example.com/", due.Notification.ExternalUrl);
    }

    [TestMethod]
    public void GroupingByAlertNameAloneGathersNodes()
    {
        var dispatcher = Dispatcher(new AlertRoutingOptions { GroupBy = ["alertname"] });

        dispatcher.Update([Idle("node-a", 0), Idle("node-b", 0)]);
        var due = Assert.ContainsSingle(Run(dispatcher, TimeSpan.FromSeconds(30)));

        Assert.AreEqual("{}:{alertname=\"GpuAllocatedIdle\"}", due.Notification.GroupKey);
        Assert.HasCount(2, due.Notification.Alerts);
    }
}
