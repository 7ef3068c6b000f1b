using Telemetry.Agent.Simulation;

namespace Telemetry.Agent.Tests.Simulation;

[TestClass]
public sealed class FleetSimulationOptionsTests
{
    [TestMethod]
    public void DefaultsAreValid()
    {
        var options = new FleetSimulationOptions();

        options.Validate();

        Assert.AreEqual(16, options.Nodes);
        Assert.AreEqual(8, options.GpusPerNode);
    }

    [TestMethod]
    public void ValidateRejectsZeroNodesNamingNodes()
    {
        var options = new FleetSimulationOptions { Nodes = 0 };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);

        AssertNames(error, nameof(FleetSimulationOptions.Nodes));
    }

    [TestMethod]
    public void ValidateRejectsSixtyFiveGpusPerNodeNamingGpusPerNode()
    {
        var options = new FleetSimulationOptions { GpusPerNode = 65 };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);

        AssertNames(error, nameof(FleetSimulationOptions.GpusPerNode));
    }

    [TestMethod]
    public void ValidateRejectsAFiveSecondDurationNamingDuration()
    {
        var options = new FleetSimulationOptions { Duration = TimeSpan.FromSeconds(5) };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);

        AssertNames(error, nameof(FleetSimulationOptions.Duration));
    }

    [TestMethod]
    public void ValidateRejectsAStartBetweenSecondsNamingStart()
    {
        var options = new FleetSimulationOptions();
        options.Start = options.Start.AddMilliseconds(500);

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(options.Validate);

        AssertNames(error, nameof(FleetSimulationOptions.Start));
    }

    [TestMethod]
    public void TheSimulationValidatesItsOptions()
    {
        var options = new FleetSimulationOptions { Nodes = 0 };

        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new FleetSimulation(options));

        AssertNames(error, nameof(FleetSimulationOptions.Nodes));
    }

    private static void AssertNames(ArgumentOutOfRangeException error, string setting)
    {
        Assert.AreEqual(setting, error.ParamName);
        Assert.Contains(setting, error.Message);
    }
}
