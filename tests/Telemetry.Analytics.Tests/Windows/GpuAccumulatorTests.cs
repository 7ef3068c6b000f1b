using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Tests.Windows;

[TestClass]
public sealed class GpuAccumulatorTests
{
    [TestMethod]
    public void AccumulatorsKeepAFigureForEveryGpuState() =>
        Assert.AreEqual(GpuAccumulator.States, Enum.GetValues<GpuState>().Length, "a state added to GpuState needs its place in GpuAccumulator.PerState");
}
