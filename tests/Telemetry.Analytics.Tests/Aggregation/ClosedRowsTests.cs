using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

/// <summary>A closed window's GPU and state rows are kept as values and made into objects when read, once each.</summary>
[TestClass]
public sealed class ClosedRowsTests
{
    [TestMethod]
    public void EachRowIsMadeOnceAndReadsTheSameByIndexAndInOrder()
    {
        var window = OneMinuteOfAJob();

        Assert.AreSame(window.Gpus[1], window.Gpus[1]);
        CollectionAssert.AreEqual(Enumerable.Range(0, window.Gpus.Count).Select(i => window.Gpus[i]).ToArray(), window.Gpus.ToArray());
        var states = window.States!;
        using (var first = states.GetEnumerator())
        {
            Assert.IsTrue(first.MoveNext());
            Assert.AreSame(states[0], first.Current);
        }

        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => window.Gpus[window.Gpus.Count]);
        Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => states[-1]);
    }

    [TestMethod]
    public void StateRowsCarryTheirGpusIdentityJobAndWindow()
    {
        var window = OneMinuteOfAJob();

        var states = window.States!;
        var busy = states.Single(s => s.GpuUuid == H100.Uuid);
        Assert.AreEqual(new GpuStateWindow(T0, At(60), H100.Node, H100.Uuid, H100.Index, null, H100.Model, "job-a", "productive", 50, 5_000), busy);
        var idle = states.Single(s => s.GpuUuid == OtherH100.Uuid);
        Assert.AreEqual(new GpuStateWindow(T0, At(60), OtherH100.Node, OtherH100.Uuid, OtherH100.Index, null, OtherH100.Model, null, "unallocated-idle", 50, 2_500), idle);
        Assert.AreEqual("job-a", window.Gpus.Single(g => g.GpuUuid == H100.Uuid).JobId);
        Assert.IsNull(window.Gpus.Single(g => g.GpuUuid == OtherH100.Uuid).JobId);
    }

    [TestMethod]
    public void RowsReadFromSeveralThreadsAtOnceAreTheRowsReadFromOne()
    {
        var rows = new SampleRows();
        var gpus = Enumerable.Range(0, 64).Select(g => new Telemetry.Contract.Samples.GpuIdentity("node-1", $"GPU-{g:D8}", g, H100.Model)).ToArray();
        foreach (var t in new[] { 0, 30 })
        {
            foreach (var gpu in gpus)
            {
                rows.Add(gpu, At(t), new Reading(Power: 100 + gpu.Index, EnergyMilliJoules: 1_000_000 + (t * (100 + gpu.Index) * 1_000L)));
            }
        }

        var payload = rows.Encode();
        var read = Closed(payload);
        var again = Closed(payload);

        var fromMany = new GpuWindow[read.Gpus.Count];
        Parallel.For(0, 8, _ => Parallel.For(0, fromMany.Length, i => fromMany[i] = read.Gpus[i]));

        Assert.HasCount(64, fromMany);
        CollectionAssert.AreEqual(again.Gpus.ToArray(), fromMany);
    }

    // The window of these rows, closed by a new instance.
    private static ClosedWindow Closed(byte[] payload)
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        using var batch = Telemetry.Contract.Samples.SampleBatchCodec.Decode(payload);
        aggregator.AddSamples(batch, Samples0, 0);
        return Assert.ContainsSingle(aggregator.CloseAll());
    }

    // Two GPUs for 50 s: one held by job-a, busy at 100 W; the other unallocated and idle at 50 W.
    private static ClosedWindow OneMinuteOfAJob()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-a", 0, H100));
        var rows = new SampleRows();
        for (var t = 0; t <= 50; t += 10)
        {
            rows.Add(H100, At(t), new Reading(SmActive: 0.9, Power: 100, EnergyMilliJoules: 1_000_000 + (t * 100_000L)));
            rows.Add(OtherH100, At(t), new Reading(SmActive: 0.0, Power: 50, EnergyMilliJoules: 2_000_000 + (t * 50_000L)));
        }

        rows.FeedTo(aggregator, Samples0);
        return Assert.ContainsSingle(aggregator.CloseAll());
    }
}
