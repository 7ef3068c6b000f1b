using Apache.Arrow;
using Telemetry.Analytics;
using Telemetry.Cli.Bench;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class DuckDbBenchTests
{
    // A minute boundary, so that 130 one-second ticks fill two windows and start a third.
    private const long Start = 1_767_225_600_000;

    [TestMethod]
    public void DuckDbsSameWorkQueryAnswersWhatOursComputesInEveryGpuWindow()
    {
        using var data = ReductionData.Build(new BenchFleet(16, Start), ticks: 130, rowsPerBatch: 8);
        var options = new AggregatorOptions();
        var ours = ReductionBench.Windows(data, options);
        using var duck = DuckDbBench.Connect(data, threads: 1);

        var compared = DuckDbAgreement.Check(duck, DuckDbBench.SameWork(options), ours);

        Assert.AreEqual(16 * 3, compared);
        Assert.AreEqual(ours.Sum(w => w.Gpus.Count), compared);
    }

    [TestMethod]
    public void TheQueryAgreesWithOursWhereSamplesAreMissingGappedResetWrappedThrottledOrParked()
    {
        using var data = ReductionData.Of(new BenchFleet(3, Start), EdgeCases());
        var options = new AggregatorOptions();
        var ours = ReductionBench.Windows(data, options);
        var states = ours.SelectMany(w => w.States ?? []).Select(s => s.State).Distinct().Order().ToList();
        CollectionAssert.AreEqual(new[] { "throttled", "unallocated-busy", "unallocated-idle", "zombie" }, states, "the cases reach every state without jobs");
        var rows = ours.SelectMany(w => w.Gpus).ToList();
        Assert.IsTrue(rows.Any(g => g.Gaps > 0) && rows.Any(g => g.CounterResets > 0) && rows.Any(g => g.CounterWraps > 0), "a gap, a reset and a wrap");
        using var duck = DuckDbBench.Connect(data, threads: 2);

        var compared = DuckDbAgreement.Check(duck, DuckDbBench.SameWork(options), ours);

        Assert.AreEqual(ours.Sum(w => w.Gpus.Count), compared);
    }

    [TestMethod]
    public void TheCheckNamesTheGpuWindowAndFigureWhereTheQueryComputesSomethingElse()
    {
        using var data = ReductionData.Build(new BenchFleet(16, Start), ticks: 70, rowsPerBatch: 16);
        var ours = ReductionBench.Windows(data, new AggregatorOptions());
        using var duck = DuckDbBench.Connect(data, threads: 1);

        // A busy threshold of 0.5 instead of ours, 0.05: the busy seconds differ, and with them the states'.
        var other = DuckDbBench.SameWork(new AggregatorOptions { BusySmActivity = 0.5 });
        var error = Assert.ThrowsExactly<InvalidDataException>(() => DuckDbAgreement.Check(duck, other, ours));
        StringAssert.Contains(error.Message, "busy_seconds is ");
        StringAssert.Contains(error.Message, "in ours and ");
        StringAssert.Matches(error.Message, new System.Text.RegularExpressions.Regex("^GPU GPU-[0-9a-f-]+, window from 2026-01-01 00:0[01]:00Z: "));

        // A GPU-window that ours closed and DuckDB's answer lacks, or the other way round.
        var missing = ours.Select(w => w with { Gpus = w.Gpus.Skip(1).ToList(), States = w.States!.Where(s => s.GpuUuid != w.Gpus[0].GpuUuid).ToList() }).ToList();
        error = Assert.ThrowsExactly<InvalidDataException>(() => DuckDbAgreement.Check(duck, DuckDbBench.SameWork(new AggregatorOptions()), missing));
        StringAssert.StartsWith(error.Message, "DuckDB has a window of GPU ");
        error = Assert.ThrowsExactly<InvalidDataException>(() => DuckDbAgreement.Check(duck, DuckDbBench.SameWork(new AggregatorOptions()) + " HAVING count(*) > 60", ours));
        StringAssert.StartsWith(error.Message, "Ours has ");
    }

    [TestMethod]
    public void ASumOfNothingIsNoneOnDuckDbsSideAndZeroOnOurs()
    {
        var count = DuckDbAgreement.Figures.Count;
        var ours = Enumerable.Repeat(0.0, count).ToArray();
        var theirs = Enumerable.Repeat(double.NaN, count).ToArray();
        var means = DuckDbAgreement.Figures.Select((f, i) => (f, i)).Where(x => !DuckDbAgreement.IsSum(x.f)).Select(x => x.i).ToList();
        Assert.HasCount(DuckDbAgreement.Figures.Count - 13, means, "means, maxima and the count");
        foreach (var i in means)
        {
            ours[i] = double.NaN;
        }

        theirs[0] = 0;
        ours[0] = 0;
        DuckDbAgreement.Compare("GPU-x", Start, ours, theirs);

        ours[DuckDbAgreement.Figures.ToList().IndexOf("joules")] = 1e-6;
        var error = Assert.ThrowsExactly<InvalidDataException>(() => DuckDbAgreement.Compare("GPU-x", Start, ours, theirs));
        Assert.AreEqual("GPU GPU-x, window from 2026-01-01 00:00:00Z: joules is 1E-06 in ours and 0 in DuckDB's answer.", error.Message);
    }

    [TestMethod]
    public void TheBenchmarkGivesTheSameWorkFigureWithTheGoalAndTheSubsetForReference()
    {
        using var data = ReductionData.Build(new BenchFleet(64, Start), ticks: 70, rowsPerBatch: 64);

        var figures = DuckDbBench.Run(data, threads: 2, TimeSpan.FromMilliseconds(20));

        CollectionAssert.AreEqual(new[] { "duckdb_64", "duckdb_subset_64" }, figures.Select(f => f.Key).ToArray());
        var (same, subset) = (figures[0], figures[1]);
        Assert.AreEqual(same.Value, subset.Value, "the same run of ours against both");
        Assert.IsNotNull(same.GoalMet);
        Assert.IsNull(subset.GoalMet);
        StringAssert.Contains(same.Note!, "DuckDB's answers equal ours in all 128 GPU-windows");
        Assert.IsGreaterThan(0, same.BaselineValue!.Value);
        Assert.IsGreaterThan(0, subset.BaselineValue!.Value);
    }

    // Three GPUs over two minutes and a bit. GPU 0: SM activity missing half the time (utilisation stands in), power
    // missing twice, a 12 s gap, its energy counter reset. GPU 1: throttled for a while, its counter wrapping at 2^32.
    // GPU 2: idle with most of its memory held (a zombie) but for a while without a memory total, then busy.
    private static IEnumerable<RecordBatch> EdgeCases()
    {
        GpuIdentity[] gpus =
        [
            new("node-a", "GPU-00000000-0000-0000-0000-00000000000a", 0, "NVIDIA H100 80GB HBM3"),
            new("node-a", "GPU-00000000-0000-0000-0000-00000000000b", 1, "NVIDIA H100 80GB HBM3"),
            new("node-b", "GPU-00000000-0000-0000-0000-00000000000c", 0, "NVIDIA H100 80GB HBM3"),
        ];
        var builder = new SampleBatchBuilder();
        long energy0 = 5_000_000, energy1 = 4_294_000_000, energy2 = 0;
        for (var tick = 0; tick < 130; tick++)
        {
            if (tick is >= 40 and < 52)
            {
                continue; // the gap, for every GPU
            }

            var time = Start + (tick * 1000L) + 7;
            var values = new double?[FieldCatalog.Count];
            values[F.GpuUtil] = (tick * 7) % 100;
            values[F.SmActive] = tick % 2 == 0 ? null : ((tick * 13) % 100) / 100.0;
            values[F.PowerUsage] = tick is 3 or 77 ? null : 100 + tick;
            energy0 = tick == 90 ? 1_000 : energy0 + 400_000;
            values[F.TotalEnergyConsumption] = energy0;
            values[F.FbUsed] = 1000;
            values[F.FbTotal] = 80000;
            builder.Append(time, gpus[0], values);

            values = new double?[FieldCatalog.Count];
            values[F.SmActive] = 0.9;
            values[F.PowerUsage] = 650;
            values[F.ClocksEventReasons] = tick is >= 20 and < 30 ? (double)ClockEventReasons.HwThermalSlowdown : (double)ClockEventReasons.SwPowerCap;
            energy1 = (energy1 + 650_000) % 4_294_967_296;
            values[F.TotalEnergyConsumption] = energy1;
            builder.Append(time + 300, gpus[1], values);

            values = new double?[FieldCatalog.Count];
            values[F.SmActive] = tick < 60 ? 0.0 : 0.6;
            values[F.PowerUsage] = 90;
            values[F.FbUsed] = 60000;
            values[F.FbTotal] = tick is >= 20 and < 30 ? null : 80000;
            energy2 += 90_000;
            values[F.TotalEnergyConsumption] = energy2;
            builder.Append(time + 600, gpus[2], values);
            yield return builder.Build();
        }
    }
}
