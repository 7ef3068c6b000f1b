using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

[TestClass]
public sealed class EnergyAttributionTests
{
    // Counter increments in mJ of the intervals starting at 0, 5, ..., 50 s; multiples of 1.25 J add up exactly in binary.
    private static readonly long[] Increments = [1_250, 2_500, 3_750, 5_000, 6_250, 7_500, 8_750, 10_000, 11_250, 12_500, 13_750];

    [TestMethod]
    public void JobIsChargedExactlyTheCounterIncrementsOfTheIntervalsThatStartWhileItHoldsTheGpu()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 20, H100));
        aggregator.AddAllocation(StopJob("job-1", 40, H100));

        EveryFiveSecondsWithTheCounter().FeedTo(aggregator, Samples0);
        var window = Assert.ContainsSingle(aggregator.CloseAll());

        // Intervals starting at 20, 25, 30 and 35 s: increments 5, 6, 7 and 8 (indexes 4..7).
        var job = Assert.ContainsSingle(window.Jobs);
        Assert.AreEqual("job-1", job.JobId);
        Assert.AreEqual((6_250 + 7_500 + 8_750 + 10_000) / 1000.0, job.EnergyJoules);
        Assert.AreEqual(20.0, job.GpuSeconds);
        Assert.AreEqual(15.0, job.BusyGpuSeconds, "the interval starting at 30 s is idle");
        Assert.AreEqual(1, job.Gpus);
        Assert.AreEqual(H100.Model, job.GpuModel);
        var gpu = Assert.ContainsSingle(window.Gpus);
        Assert.AreEqual(Increments.Sum() / 1000.0, gpu.EnergyCounterJoules);
        Assert.AreEqual(Increments.Sum() / 1000.0, gpu.EnergyJoules);
        Assert.AreEqual(20.0, gpu.AllocatedSeconds);
        Assert.AreEqual(50.0, gpu.BusySeconds);
    }

    [TestMethod]
    public void AJobStartingOnAGpuAlreadyReducedWithoutOneIsChargedFromItsStart()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("other", 0, OtherH100));
        var first = new SampleRows();
        var second = new SampleRows();
        for (var i = 0; i <= 8; i++)
        {
            (i < 4 ? first : second).Add(H100, At(i * 5), new Reading(SmActive: 0.5, Power: 100));
        }

        // Intervals at 0, 5 and 10 s are reduced before the job's start arrives; the GPU had no allocation then.
        first.FeedTo(aggregator, Samples0);
        aggregator.AddAllocation(StartJob("job-1", 15, H100));
        second.FeedTo(aggregator, Samples0);

        var window = Assert.ContainsSingle(aggregator.CloseAll());
        var job = Assert.ContainsSingle(window.Jobs);
        Assert.AreEqual("job-1", job.JobId);
        Assert.AreEqual(25.0, job.GpuSeconds, "the intervals at 15, 20, 25, 30 and 35 s");
        Assert.AreEqual(2_500.0, job.EnergyJoules);
        var gpu = Assert.ContainsSingle(window.Gpus);
        Assert.AreEqual(25.0, gpu.AllocatedSeconds);
    }

    [TestMethod]
    public void CounterResetIsCountedAndItsIntervalFallsBackToIntegratedPower()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());

        new SampleRows()
            .Add(H100, At(0), new Reading(Power: 200, EnergyMilliJoules: 10_000_000))
            .Add(H100, At(5), new Reading(Power: 300, EnergyMilliJoules: 11_200_000))
            .Add(H100, At(10), new Reading(Power: 100, EnergyMilliJoules: 400))
            .Add(H100, At(15), new Reading(Power: 100, EnergyMilliJoules: 1_400))
            .FeedTo(aggregator, Samples0);
        var gpu = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Gpus);

        // Counter 1200 J, then the reset interval integrated as (300 W + 100 W) / 2 × 5 s = 1000 J, then counter 1 J.
        Assert.AreEqual(1, aggregator.Counters.CounterResets);
        Assert.AreEqual(1, gpu.CounterResets);
        Assert.AreEqual(1_201.0, gpu.EnergyCounterJoules);
        Assert.AreEqual(2_201.0, gpu.EnergyJoules);
    }

    [TestMethod]
    public void GapLongerThanTheMaxIntegrationGapIsCountedAndNotIntegrated()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions { MaxIntegrationGap = TimeSpan.FromSeconds(10) }, Clock());

        new SampleRows()
            .Add(H100, At(0), new Reading(Power: 200))
            .Add(H100, At(5), new Reading(Power: 200))
            .Add(H100, At(15), new Reading(Power: 200))
            .Add(H100, At(30), new Reading(Power: 200))
            .FeedTo(aggregator, Samples0);
        var gpu = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Gpus);

        // 5 s and exactly 10 s at 200 W are integrated; the 15 s gap is not.
        Assert.AreEqual(1, gpu.Gaps);
        Assert.AreEqual(3_000.0, gpu.EnergyIntegratedJoules);
        Assert.AreEqual(3_000.0, gpu.EnergyJoules);
        Assert.AreEqual(0.25, gpu.Coverage);
    }

    [TestMethod]
    public void TflopEstimateIsTensorActivityTimesModelPeakTimesClockRatioTimesSeconds()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));

        new SampleRows()
            .Add(H100, At(0), new Reading(SmActive: 0.6, TensorActive: 0.5, SmClock: 990, MaxSmClock: 1980, EnergyMilliJoules: 1_000_000_000))
            .Add(H100, At(10), new Reading(SmActive: 0.6, TensorActive: 0.5, SmClock: 990, MaxSmClock: 1980, EnergyMilliJoules: 1_005_000_000))
            .FeedTo(aggregator, Samples0);
        var window = Assert.ContainsSingle(aggregator.CloseAll());

        // 0.5 × 989 TFLOPS (H100) × 990/1980 MHz × 10 s.
        const double tflop = 0.5 * 989 * 0.5 * 10;
        var job = Assert.ContainsSingle(window.Jobs);
        Assert.AreEqual(tflop, Assert.ContainsSingle(window.Gpus).Tflop);
        Assert.AreEqual(tflop, job.Tflop);
        Assert.AreEqual(5_000.0, job.EnergyJoules);
        Assert.AreEqual(tflop / 5_000.0, job.TflopsPerWatt);
    }

    [TestMethod]
    public void AJobWhoseGpusReportNoTensorActivityHasNoTflopsPerWattRatherThanZero()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));

        new SampleRows()
            .Add(H100, At(0), new Reading(GpuUtil: 97, EnergyMilliJoules: 1_000_000_000))
            .Add(H100, At(10), new Reading(GpuUtil: 97, EnergyMilliJoules: 1_005_000_000))
            .FeedTo(aggregator, Samples0);
        var job = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Jobs);

        Assert.AreEqual(5_000.0, job.EnergyJoules);
        Assert.IsNull(job.TflopsPerWatt, "nvidia-smi reports no tensor activity: the figure is unknown, not zero");
    }

    [TestMethod]
    public void TflopsPerWattCoversOnlyTheTimeTensorActivityWasReported()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        aggregator.AddAllocation(StartJob("job-1", 0, H100));

        new SampleRows()
            .Add(H100, At(0), new Reading(TensorActive: 0.5, SmClock: 1980, MaxSmClock: 1980, EnergyMilliJoules: 1_000_000_000))
            .Add(H100, At(10), new Reading(SmClock: 1980, MaxSmClock: 1980, EnergyMilliJoules: 1_005_000_000))
            .Add(H100, At(20), new Reading(SmClock: 1980, MaxSmClock: 1980, EnergyMilliJoules: 1_015_000_000))
            .FeedTo(aggregator, Samples0);
        var job = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Jobs);

        Assert.AreEqual(15_000.0, job.EnergyJoules);
        Assert.AreEqual(0.5 * 989 * 10 / 5_000.0, job.TflopsPerWatt!.Value, 1e-12, "only the first interval had tensor activity");
    }

    [TestMethod]
    public void TflopEstimateUsesTheModelsMaximumClockWhenTheSampleLacksIt()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());

        new SampleRows()
            .Add(H100, At(0), new Reading(TensorActive: 0.5, SmClock: 1485))
            .Add(H100, At(10), new Reading(TensorActive: 0.5, SmClock: 1485))
            .FeedTo(aggregator, Samples0);
        var gpu = Assert.ContainsSingle(Assert.ContainsSingle(aggregator.CloseAll()).Gpus);

        // 0.5 × 989 TFLOPS × 1485/1980 MHz (the H100's maximum SM clock) × 10 s.
        Assert.AreEqual(0.5 * 989 * 0.75 * 10, gpu.Tflop);
    }

    private static SampleRows EveryFiveSecondsWithTheCounter()
    {
        var rows = new SampleRows();
        var counter = 7_000_000_000L;
        for (var i = 0; i <= Increments.Length; i++)
        {
            var smActive = i == 6 ? 0.01 : 0.5;
            rows.Add(H100, At(i * 5), new Reading(SmActive: smActive, EnergyMilliJoules: counter));
            counter += i < Increments.Length ? Increments[i] : 0;
        }

        return rows;
    }
}
