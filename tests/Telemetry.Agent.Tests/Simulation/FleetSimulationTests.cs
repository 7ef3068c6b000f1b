using Telemetry.Agent.Simulation;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Tests.Simulation;

[TestClass]
public sealed class FleetSimulationTests
{
    private static FleetSimulationOptions SmallFleet(ulong seed = 42) =>
        new() { Nodes = 4, GpusPerNode = 8, Seed = seed, Duration = TimeSpan.FromSeconds(60) };

    [TestMethod]
    public void TheSameOptionsGiveTheSameEncodedReadingsAtEveryTick()
    {
        var first = new FleetSimulation(SmallFleet());
        var second = new FleetSimulation(SmallFleet());

        var firstTicks = EncodeEveryTick(first);
        var secondTicks = EncodeEveryTick(second);

        Assert.HasCount(61 * 4, firstTicks);
        Assert.HasCount(firstTicks.Count, secondTicks);
        for (var i = 0; i < firstTicks.Count; i++)
        {
            CollectionAssert.AreEqual(firstTicks[i], secondTicks[i], $"batch {i} (tick {i / 4}, node {i % 4})");
        }

        Assert.AreEqual(first.FleetEnergyMilliJoules, second.FleetEnergyMilliJoules);
    }

    [TestMethod]
    public void ADifferentSeedGivesEachGpuADifferentUuid()
    {
        var seed42 = new FleetSimulation(SmallFleet(42)).AllGpus.ToList();
        var seed43 = new FleetSimulation(SmallFleet(43)).AllGpus.ToList();

        var same = seed42.Zip(seed43).Where(p => p.First.Uuid == p.Second.Uuid).ToList();

        Assert.IsEmpty(same);
        Assert.HasCount(32, seed43.Select(g => g.Uuid).Distinct(StringComparer.Ordinal));
    }

    [TestMethod]
    [DataRow(42UL, 43UL)]
    [DataRow(0UL, 100UL)]
    [DataRow(1UL, 2UL)]
    public void TwoSeedsShareNoGpuUuid(ulong first, ulong second)
    {
        var a = new FleetSimulation(SmallFleet(first)).AllGpus.Select(g => g.Uuid).ToHashSet(StringComparer.Ordinal);
        var b = new FleetSimulation(SmallFleet(second)).AllGpus.Select(g => g.Uuid);

        Assert.IsFalse(a.Overlaps(b), "two fleets feeding one pipeline must not report the same GPUs");
    }

    [TestMethod]
    public void ADifferentSeedGivesDifferentReadings()
    {
        var seed42 = RecordedRun.Of(SmallFleet(42));
        var seed43 = RecordedRun.Of(SmallFleet(43));

        var pairs = seed42.Readings.Zip(seed43.Readings).ToList();
        var differentPower = pairs.Count(p => p.First.Value(FieldOrdinals.PowerUsage) != p.Second.Value(FieldOrdinals.PowerUsage));
        var differentEnergy = pairs.Count(p => p.First.EnergyMilliJoules != p.Second.EnergyMilliJoules);

        Assert.HasCount(seed42.Readings.Count, pairs);
        Assert.IsTrue(pairs.All(p => p.First.UnixMs == p.Second.UnixMs && p.First.Gpu.Index == p.Second.Gpu.Index), "rows line up by time and GPU");
        Assert.IsGreaterThan(pairs.Count / 2, differentPower, "power readings that differ between seeds");
        Assert.IsGreaterThan(pairs.Count / 2, differentEnergy, "energy readings that differ between seeds");
    }

    [TestMethod]
    public void TickAfterTheLastSecondThrows()
    {
        var simulation = new FleetSimulation(new FleetSimulationOptions { Nodes = 1, GpusPerNode = 1, Duration = TimeSpan.FromSeconds(10) });
        var ticks = new List<long>();
        while (!simulation.Finished)
        {
            ticks.Add(simulation.Tick());
        }

        Assert.ThrowsExactly<InvalidOperationException>(() => simulation.Tick());

        Assert.HasCount(11, ticks);
        Assert.AreEqual(simulation.EndUnixMs, ticks[^1]);
        Assert.AreEqual(11, simulation.SamplesProduced);
    }

    private static List<byte[]> EncodeEveryTick(FleetSimulation simulation)
    {
        var encoded = new List<byte[]>();
        var builder = new SampleBatchBuilder();
        while (!simulation.Finished)
        {
            simulation.Tick();
            for (var node = 0; node < simulation.NodeCount; node++)
            {
                simulation.AppendSamples(node, builder);
                using var batch = builder.Build();
                encoded.Add(SampleBatchCodec.Encode(batch));
            }
        }

        return encoded;
    }
}
