using Telemetry.Cli.Bench;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class ReductionDataTests
{
    private const long Start = 1_767_225_600_000;

    [TestMethod]
    public void MessagesHoldEachNodesGpusOverFiveTicksAsAgentsSendThem()
    {
        // 20 GPUs: two full nodes of 8 and one of 4.
        using var data = ReductionData.Messages(new BenchFleet(20, Start), steps: 2);

        Assert.IsTrue(data.AsMessages);
        Assert.HasCount(2, data.Ticks);
        Assert.AreEqual(20L * 2 * BenchFleet.TicksPerMessage, data.Rows);
        for (var step = 0; step < data.Ticks.Length; step++)
        {
            CollectionAssert.AreEqual(new[] { 40, 40, 20 }, data.Ticks[step].Select(b => b.Length).ToArray(), $"step {step}");
            foreach (var batch in data.Ticks[step])
            {
                var rows = Enumerable.Range(0, batch.Length).Select(r => (Uuid: batch.GpuUuid.GetString(r), Time: batch.Time.Values[r])).ToList();
                var node = batch.Node.GetString(0);
                Assert.IsTrue(Enumerable.Range(0, batch.Length).All(r => batch.Node.GetString(r) == node), "one node a message");
                var expectedTimes = Enumerable.Range(step * BenchFleet.TicksPerMessage, BenchFleet.TicksPerMessage).Select(t => Start + (t * 1000L)).ToList();
                foreach (var gpu in rows.GroupBy(r => r.Uuid))
                {
                    CollectionAssert.AreEqual(expectedTimes, gpu.Select(r => r.Time).ToList(), $"{gpu.Key}: one sample a tick of its message's ticks");
                }
            }
        }
    }

    [TestMethod]
    public void BatchesOfOneTickHoldEveryGpuOnceATick()
    {
        using var data = ReductionData.Build(new BenchFleet(20, Start), ticks: 3, rowsPerBatch: 16);

        Assert.IsFalse(data.AsMessages);
        Assert.AreEqual(60L, data.Rows);
        foreach (var (tick, batches) in data.Ticks.Select((b, t) => (t, b)))
        {
            CollectionAssert.AreEqual(new[] { 16, 4 }, batches.Select(b => b.Length).ToArray());
            Assert.IsTrue(batches.All(b => b.Time.Values.ToArray().All(t => t == Start + (tick * 1000L))), $"tick {tick}");
            Assert.AreEqual(20, batches.SelectMany(b => Enumerable.Range(0, b.Length).Select(r => b.GpuUuid.GetString(r))).Distinct().Count());
        }
    }

    [TestMethod]
    public void TheReductionOverMessagesIsItsOwnFigureAndAggregatesEveryRow()
    {
        using var data = ReductionData.Messages(new BenchFleet(64, Start), steps: 3);

        var (reduction, _) = ReductionBench.Run(data, TimeSpan.FromMilliseconds(20));

        Assert.AreEqual("reduction_64_messages", reduction.Key);
        Assert.IsGreaterThan(0, reduction.Value);
        StringAssert.Contains(reduction.Note!, "8 GPUs × 5 ticks");
    }
}
