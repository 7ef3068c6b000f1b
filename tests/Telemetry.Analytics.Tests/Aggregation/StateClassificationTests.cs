using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Fields;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

[TestClass]
public sealed class StateClassificationTests
{
    [TestMethod]
    [DataRow(true, 0.8, 10_000.0, null, "productive")]
    [DataRow(true, 0.0, 10_000.0, null, "allocated-idle")]
    [DataRow(true, 0.0, 78_000.0, null, "memory-parked")]
    [DataRow(false, 0.0, 60_000.0, null, "zombie")]
    [DataRow(false, 0.0, 500.0, null, "unallocated-idle")]
    [DataRow(false, 0.7, 500.0, null, "unallocated-busy")]
    [DataRow(true, 0.9, 10_000.0, 0x40L, "throttled")]
    [DataRow(true, 0.9, 10_000.0, 0x04L, "productive")]
    public void EachIntervalIsInExactlyOneState(bool allocated, double smActive, double fbUsed, long? reasons, string expected)
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        if (allocated)
        {
            aggregator.AddAllocation(StartJob("job-1", 0, H100));
        }

        var reading = new Reading(SmActive: smActive, Power: 300, FbUsed: fbUsed, FbTotal: 81_559, ClockEventReasons: reasons);
        new SampleRows().Add(H100, At(0), reading).Add(H100, At(10), reading).Add(H100, At(20), reading).FeedTo(aggregator, Samples0);

        var state = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).States!);

        Assert.AreEqual((expected, 20.0, 6_000.0), (state.State, state.Seconds, state.EnergyJoules));
    }

    [TestMethod]
    public void AGpuChangingStateSplitsItsWindowBetweenTheStatesToTheSample()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));
        new SampleRows()
            .Add(H100, At(0), new Reading(SmActive: 0.9, Power: 600))
            .Add(H100, At(10), new Reading(SmActive: 0.9, Power: 600))
            .Add(H100, At(20), new Reading(SmActive: 0, Power: 100))
            .Add(H100, At(30), new Reading(SmActive: 0, Power: 100))
            .Add(H100, At(40), new Reading(SmActive: 0, Power: 100))
            .FeedTo(aggregator, Samples0);

        var states = Assert.ContainsSingle(aggregator.CloseAll()).States!.ToDictionary(s => s.State);

        Assert.AreEqual(20.0, states["productive"].Seconds, "[0, 20): the sample at 10 s was still busy");
        Assert.AreEqual(20.0, states["allocated-idle"].Seconds);
    }

    [TestMethod]
    [DataRow(0.6, 0.2, null, "compute_bound_s")]
    [DataRow(0.1, 0.7, null, "memory_bound_s")]
    [DataRow(0.05, 0.1, 60e9, "communication_bound_s")]
    [DataRow(0.1, 0.2, null, "mixed_bound_s")]
    public void BusyWorkIsBoundByWhatTheProfilingFieldsShow(double tensor, double dram, double? nvlink, string expected)
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));
        var reading = new Reading(SmActive: 0.3, TensorActive: tensor, DramActive: dram, NvlinkTxBytes: nvlink, Power: 400);
        new SampleRows().Add(H100, At(0), reading).Add(H100, At(10), reading).FeedTo(aggregator, Samples0);

        var job = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Jobs);
        var bounds = new Dictionary<string, double>
        {
            ["compute_bound_s"] = job.ComputeBoundSeconds,
            ["memory_bound_s"] = job.MemoryBoundSeconds,
            ["communication_bound_s"] = job.CommunicationBoundSeconds,
            ["mixed_bound_s"] = job.MixedBoundSeconds,
            ["unknown_bound_s"] = job.UnknownBoundSeconds,
        };

        Assert.AreEqual(10.0, bounds[expected]);
        Assert.AreEqual(10.0, bounds.Values.Sum(), "one bound at a time");
    }

    [TestMethod]
    public void WithoutProfilingFieldsTheBoundIsUnknown()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));
        new SampleRows().Add(H100, At(0), new Reading(GpuUtil: 90, Power: 400)).Add(H100, At(10), new Reading(GpuUtil: 90, Power: 400)).FeedTo(aggregator, Samples0);

        var job = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Jobs);

        Assert.AreEqual(10.0, job.UnknownBoundSeconds);
    }

    [TestMethod]
    public void RulesOutOfRangeAreRefusedNamingTheSetting()
    {
        var e = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new AggregatorOptions { Waste = new WasteRules { ParkedMemoryShare = 1.5 } }.Validate());

        Assert.Contains("WasteRules:ParkedMemoryShare", e.Message);
    }

    [TestMethod]
    public void TheFleetsEnergyIsItsJobsPlusUnallocatedPlusUnattributed()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));
        new SampleRows()
            .Add(H100, At(0), new Reading(SmActive: 0.5, EnergyMilliJoules: 1_000_000_000))
            .Add(H100, At(10), new Reading(SmActive: 0.5, EnergyMilliJoules: 1_006_000_000))
            .Add(OtherH100, At(0), new Reading(EnergyMilliJoules: 2_000_000_000))
            .Add(OtherH100, At(10), new Reading(EnergyMilliJoules: 2_001_000_000))
            .FeedTo(aggregator, Samples0);
        var late = new SampleRows()
            .Add(new Contract.Samples.GpuIdentity("node-2", "GPU-33333333-3333-3333-3333-333333333333", 0, "NVIDIA H100 80GB HBM3"), At(0), new Reading(EnergyMilliJoules: 5_000_000))
            .Add(new Contract.Samples.GpuIdentity("node-2", "GPU-33333333-3333-3333-3333-333333333333", 0, "NVIDIA H100 80GB HBM3"), At(10), new Reading(EnergyMilliJoules: 7_500_000));
        using (var batch = late.Decode())
        {
            aggregator.AddSamples(batch, Samples1, 0, attributionKnown: false);
        }

        var fleet = Assert.ContainsSingle(aggregator.CloseAll()).Fleet!;

        Assert.AreEqual((6_000.0, 1_000.0, 2_500.0), (fleet.JobEnergyJoules, fleet.UnallocatedJoules, fleet.UnattributedJoules));
        Assert.AreEqual(fleet.EnergyJoules, fleet.JobEnergyJoules + fleet.UnallocatedJoules + fleet.UnattributedJoules);
        Assert.AreEqual(3, fleet.Gpus);
    }
}
