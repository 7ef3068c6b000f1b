using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Samples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Aggregation;

/// <summary>
/// Thousands of GPUs, so that a window's accumulators span several pages, seen in the reverse of their identity order:
/// every row must be its own GPU's, in identity order, window after window as closed windows' pages are taken again.
/// </summary>
[TestClass]
public sealed class ManyGpusTests
{
    private const int Gpus = 2_500;

    // GPU g (its number in identity order) draws g + 1 watts; samples every 20 s.
    private static readonly GpuIdentity[] Fleet = [.. Enumerable.Range(0, Gpus).Select(g =>
        new GpuIdentity($"node-{g / 8:D3}", $"GPU-{g:D8}-0000-0000-0000-000000000000", g % 8, H100.Model))];

    [TestMethod]
    public void EveryRowIsItsOwnGpusInIdentityOrderAcrossWindowsThatReusePages()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        var closed = new List<ClosedWindow>();
        for (var t = 0; t <= 200; t += 20)
        {
            Tick(t, g => true).FeedTo(aggregator, Samples0, offset: t);
            closed.AddRange(aggregator.CloseReadyWindows());
        }

        closed.AddRange(aggregator.CloseAll());

        // Windows 0, 1, 2 hold three 20 s intervals a GPU; window 3 the samples at 180 and 200 and the interval between.
        CollectionAssert.AreEqual(new[] { T0, At(60), At(120), At(180) }, closed.Select(w => w.Start).ToArray());
        foreach (var (window, intervals, samples) in closed.Zip([3, 3, 3, 1], [3, 3, 3, 2]))
        {
            AssertRows(window, Fleet, intervals, samples);
        }
    }

    [TestMethod]
    public void ForgettingAPartitionTakesBackItsGpusOnEveryPage()
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), Clock());
        static bool Even(int g) => g / 8 % 2 == 0;
        for (var t = 0; t <= 40; t += 20)
        {
            Tick(t, Even).FeedTo(aggregator, Samples0, offset: t);
            Tick(t, g => !Even(g)).FeedTo(aggregator, Samples1, offset: t);
        }

        aggregator.Forget(Samples1);

        var window = Assert.ContainsSingle(aggregator.CloseAll());
        AssertRows(window, [.. Fleet.Where((_, g) => Even(g))], intervals: 2, samples: 3);
    }

    // One row per GPU picked, in the reverse of identity order, so that slots and identity order differ.
    private static SampleRows Tick(int seconds, Func<int, bool> picked)
    {
        var rows = new SampleRows();
        for (var g = Gpus - 1; g >= 0; g--)
        {
            if (picked(g))
            {
                rows.Add(Fleet[g], At(seconds), new Reading(Power: g + 1, EnergyMilliJoules: 1_000_000 + (seconds * (g + 1) * 1_000L)));
            }
        }

        return rows;
    }

    private static void AssertRows(ClosedWindow window, GpuIdentity[] expected, int intervals, int samples)
    {
        CollectionAssert.AreEqual(expected.Select(g => g.Uuid).ToArray(), window.Gpus.Select(r => r.GpuUuid).ToArray(), $"window at {window.Start}");
        foreach (var row in window.Gpus)
        {
            var watts = int.Parse(row.GpuUuid.AsSpan(4, 8), System.Globalization.CultureInfo.InvariantCulture) + 1;
            Assert.AreEqual(samples, row.Samples, row.GpuUuid);
            Assert.AreEqual(20.0 * intervals * watts, row.EnergyJoules, 1e-9, row.GpuUuid);
            Assert.AreEqual(watts, row.PowerMean!.Value, 1e-9, row.GpuUuid);
        }

        Assert.AreEqual(expected.Length, window.Fleet!.Gpus);
        Assert.AreEqual(window.Gpus.Sum(r => r.EnergyJoules), window.Fleet.EnergyJoules, 1e-6);
    }
}
