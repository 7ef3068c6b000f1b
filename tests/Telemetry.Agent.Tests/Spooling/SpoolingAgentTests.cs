using Telemetry.Agent.Spooling;
using Telemetry.Agent.Tests.Simulation;
using Telemetry.Contract.Messages;
using static Telemetry.Agent.Tests.Spooling.SpoolingAgentRig;

namespace Telemetry.Agent.Tests.Spooling;

/// <summary>An agent with a spool through the real Kafka protocol while the broker goes down and comes back.</summary>
[TestClass]
public sealed class SpoolingAgentTests : IDisposable
{
    private readonly SpoolingAgentRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [TestMethod]
    public void BatchesProducedDuringAnOutageArriveOnceEachAndInOrderAfterRecovery()
    {
        var agent = _rig.StartAgent();
        _rig.Publish(agent, 3);
        WaitUntil(() => agent.Counters.MessagesDelivered == 3, "the first batches are delivered");

        _rig.Broker.SetBrokerDown();
        _rig.Publish(agent, 3);
        WaitUntil(() => agent.Counters.DeliveryErrors > 0 && agent.Balance().Spooled.Messages > 0, "failed batches are spooled");
        _rig.Publish(agent, 3);
        var duringOutage = agent.Balance();
        _rig.Broker.SetBrokerUp();
        _rig.Publish(agent, 2);
        WaitUntil(() => agent.Counters.MessagesDelivered == 11, "every batch is delivered");
        var samples = _rig.ReadSamples(11);

        Assert.IsTrue(duringOutage.Reconciles, duringOutage.ToString());
        Assert.AreEqual(new DeliveryCount(3, 3L * RowsPerBatch), duringOutage.Acknowledged);
        Assert.AreEqual(6, duringOutage.Spooled.Messages + duringOutage.InFlight.Messages, "the outage's batches wait in the spool, one of them perhaps as a probe");
        CollectionAssert.AreEqual(Enumerable.Range(1, 11).Select(i => (long)i).ToList(), samples.Select(m => TopicReader.Header(m, MessageHeaders.Sequence)).ToList(), "each seq once, in order");
        Assert.AreEqual(11L * RowsPerBatch, samples.Sum(m => TopicReader.Header(m, MessageHeaders.Rows)));
        AssertAllAcknowledged(agent.Balance(), new DeliveryCount(11, 11L * RowsPerBatch));
    }

    [TestMethod]
    public void NewBatchesWaitBehindTheSpoolWhileItDrains()
    {
        var options = _rig.Options();
        // One message in flight at a time makes the drain slow enough to publish into.
        options.MaxInFlightMessages = 1;
        options.DrainInterval = TimeSpan.FromMilliseconds(50);
        var agent = _rig.StartAgent(options);
        _rig.Broker.SetBrokerDown();
        _rig.Publish(agent, 1);
        WaitUntil(() => agent.Counters.DeliveryErrors > 0, "Kafka's trouble is noticed");
        _rig.Publish(agent, 9);

        _rig.Broker.SetBrokerUp();
        WaitUntil(() => agent.Balance() is { Acknowledged.Messages: >= 2, Spooled.Messages: >= 3 }, "the spool is draining");
        _rig.Publish(agent, 2);
        WaitUntil(() => agent.Counters.MessagesDelivered == 12, "every batch is delivered");
        var samples = _rig.ReadSamples(12);

        CollectionAssert.AreEqual(Enumerable.Range(1, 12).Select(i => (long)i).ToList(), samples.Select(m => TopicReader.Header(m, MessageHeaders.Sequence)).ToList());
        AssertAllAcknowledged(agent.Balance(), new DeliveryCount(12, 12L * RowsPerBatch));
    }

    [TestMethod]
    public void ARestartedAgentSendsWhatItsPredecessorSpooledFirstAndGoesOnCounting()
    {
        var first = _rig.StartAgent();
        _rig.Publish(first, 2);
        WaitUntil(() => first.Counters.MessagesDelivered == 2, "the first batches are delivered");
        _rig.Broker.SetBrokerDown();
        _rig.Publish(first, 2);
        WaitUntil(() => first.Counters.DeliveryErrors >= 2, "both batches failed into the spool");
        _rig.Publish(first, 1);
        _rig.Stop(first);
        var firstBalance = first.Balance();

        _rig.Broker.SetBrokerUp();
        var second = _rig.StartAgent();
        var recovered = second.Balance().Recovered;
        _rig.Publish(second, 2);
        WaitUntil(() => second.Counters.MessagesDelivered == 5, "the spooled and the new batches are delivered");
        var samples = _rig.ReadSamples(7);

        Assert.IsTrue(firstBalance.Reconciles, firstBalance.ToString());
        Assert.AreEqual(new DeliveryCount(2, 2L * RowsPerBatch), firstBalance.Acknowledged);
        Assert.AreEqual(new DeliveryCount(3, 3L * RowsPerBatch), recovered);
        CollectionAssert.AreEqual(Enumerable.Range(1, 7).Select(i => (long)i).ToList(), samples.Select(m => TopicReader.Header(m, MessageHeaders.Sequence)).ToList(), "spooled first, then new ones numbered on");
        Assert.IsTrue(samples.All(m => TopicReader.AgentId(m) == AgentId));
        AssertAllAcknowledged(second.Balance(), new DeliveryCount(5, 5L * RowsPerBatch));
    }

    [TestMethod]
    public void StoppingWithMessagesInFlightLeavesThemInTheSpoolInOrder()
    {
        _rig.Broker.SetBrokerDown();
        var agent = _rig.StartAgent(_rig.Options(flushTimeout: TimeSpan.FromMilliseconds(200)));
        _rig.Publish(agent, 3);

        var unacknowledged = agent.Flush(TimeSpan.FromMilliseconds(200));
        _rig.Stop(agent);
        var balance = agent.Balance();
        using var spool = DiskSpool.Open(_rig.Options(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance);

        Assert.AreEqual(3, unacknowledged);
        Assert.IsTrue(balance.Reconciles, balance.ToString());
        Assert.AreEqual(new DeliveryCount(3, 3L * RowsPerBatch), spool.Counts.Recovered);
        CollectionAssert.AreEqual(new long[] { 1, 2, 3 }, SpoolRecords.Sequences(SpoolRecords.ReadAll(spool)));
    }

    [TestMethod]
    public void AnOutageLongerThanTheSpoolHoldsLosesTheOldestAndCountsExactlyWhatTheConsumerMisses()
    {
        var options = _rig.Options();
        // Each batch is a segment of its own, and the cap holds about three of them.
        options.SegmentBytes = 1024;
        options.MaxBytes = 3L * (SpoolingAgentRig.BatchBytes() + 256);
        var agent = _rig.StartAgent(options);
        _rig.Publish(agent, 2);
        WaitUntil(() => agent.Counters.MessagesDelivered == 2, "the first batches are delivered");

        _rig.Broker.SetBrokerDown();
        _rig.Publish(agent, 1);
        WaitUntil(() => agent.Counters.DeliveryErrors > 0, "Kafka's trouble is noticed");
        _rig.Publish(agent, 10);
        _rig.Broker.SetBrokerUp();
        WaitUntil(() => agent.Balance() is var b && b.Acknowledged.Messages + b.Dropped.Messages == 13, "the spool is sent");
        var balance = agent.Balance();
        var seqs = _rig.ReadSamples(balance.Acknowledged.Messages).Select(m => TopicReader.Header(m, MessageHeaders.Sequence)).ToList();

        Assert.IsTrue(balance.Reconciles, balance.ToString());
        Assert.IsGreaterThan(0, balance.Dropped.Messages);
        Assert.AreEqual(balance.Dropped.Messages * RowsPerBatch, balance.Dropped.Rows);
        Assert.AreEqual(13 - balance.Dropped.Messages, seqs.Count, "what was not dropped arrived");
        CollectionAssert.AreEqual(seqs.Order().Distinct().ToList(), seqs, "once each, in order");
        Assert.AreEqual(13, seqs[^1], "the newest survive");
    }

    private static void AssertAllAcknowledged(DeliveryBalance balance, DeliveryCount expected)
    {
        Assert.IsTrue(balance.Reconciles, balance.ToString());
        Assert.AreEqual(expected, balance.Acknowledged);
        Assert.AreEqual(default, balance.Spooled);
        Assert.AreEqual(default, balance.InFlight);
        Assert.AreEqual(default, balance.Dropped);
        Assert.AreEqual(default, balance.Failed);
    }
}
