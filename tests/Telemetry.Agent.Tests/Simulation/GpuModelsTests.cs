using Telemetry.Agent.Simulation;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Agent.Tests.Simulation;

[TestClass]
public sealed class GpuModelsTests
{
    // Node pairs share a model, so eight nodes carry all four; every job kind and the thermal slowdown run here.
    private static RecordedRun Run { get; set; } = null!;

    [ClassInitialize]
    public static void RecordRun(TestContext context) =>
        Run = RecordedRun.Of(new FleetSimulationOptions { Nodes = 8, GpusPerNode = 8, Duration = TimeSpan.FromSeconds(200) });

    [TestMethod]
    public void TheFleetHasH100H200B200AndA100Gpus()
    {
        var models = Run.Readings.Select(r => r.Gpu.Model).Distinct(StringComparer.Ordinal).ToList();

        CollectionAssert.AreEquivalent(new[] { GpuModels.H100.Name, GpuModels.H200.Name, GpuModels.B200.Name, GpuModels.A100.Name }, models);
    }

    [TestMethod]
    public void EachGpuReportsItsModelsTdpAsPowerLimitAndItsHbmAsFramebuffer()
    {
        foreach (var reading in Run.Readings)
        {
            var model = GpuModels.All.Single(m => m.Name == reading.Gpu.Model);

            Assert.AreEqual(model.TdpWatts, reading.Value(F.EnforcedPowerLimit), reading.Gpu.Uuid);
            Assert.AreEqual(model.HbmMiB, reading.Value(F.FbTotal), reading.Gpu.Uuid);
            Assert.AreSame(model, Run.Simulation.ModelOf(reading.Gpu.Uuid));
        }
    }

    [TestMethod]
    public void PowerStaysBetweenNineTenthsOfIdleAndThePowerLimit()
    {
        foreach (var reading in Run.Readings)
        {
            var model = GpuModels.All.Single(m => m.Name == reading.Gpu.Model);

            var power = reading.Value(F.PowerUsage);

            Assert.IsLessThanOrEqualTo(reading.Value(F.EnforcedPowerLimit), power, reading.Gpu.Uuid);
            // The wire carries power as a 32-bit float; allow its rounding below the floor.
            Assert.IsGreaterThanOrEqualTo((0.9 * model.IdlePowerWatts) - 0.001, power, reading.Gpu.Uuid);
        }
    }

    [TestMethod]
    public void BusyGpusDrawMoreThanIdleOnes()
    {
        var busy = Run.Readings.Where(r => r.Value(F.SmActive) > 0.5).ToList();

        var idle = Run.Readings.Where(r => r.Value(F.SmActive) == 0).ToList();

        Assert.IsNotEmpty(busy);
        Assert.IsNotEmpty(idle);
        Assert.IsTrue(busy.All(r => r.Value(F.PowerUsage) > 1.5 * Run.Simulation.ModelOf(r.Gpu.Uuid).IdlePowerWatts));
        Assert.IsTrue(idle.All(r => r.Value(F.PowerUsage) < 1.1 * Run.Simulation.ModelOf(r.Gpu.Uuid).IdlePowerWatts));
    }
}
