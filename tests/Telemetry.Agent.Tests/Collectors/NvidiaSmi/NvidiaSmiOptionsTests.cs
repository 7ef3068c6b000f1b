using Telemetry.Agent.Collectors.NvidiaSmi;

namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

[TestClass]
public sealed class NvidiaSmiOptionsTests
{
    [TestMethod]
    public void DefaultsRunNvidiaSmiFromPathForFiveSecondsAtMostOnThisMachine()
    {
        var options = new NvidiaSmiOptions();

        options.Validate();

        Assert.AreEqual("nvidia-smi", options.Path);
        Assert.AreEqual(TimeSpan.FromSeconds(5), options.Timeout);
        Assert.AreEqual(1024 * 1024, options.MaxOutputBytes);
        Assert.AreEqual(Environment.MachineName, options.Node);
    }

    [TestMethod]
    public void AnEmptyPathIsRejectedByName()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(new NvidiaSmiOptions { Path = " " }.Validate);

        Assert.AreEqual(nameof(NvidiaSmiOptions.Path), error.ParamName);
    }

    [TestMethod]
    [DataRow(0.0)]
    [DataRow(-1.0)]
    [DataRow(301.0)]
    public void ATimeoutOutOfRangeIsRejectedByName(double seconds)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(new NvidiaSmiOptions { Timeout = TimeSpan.FromSeconds(seconds) }.Validate);

        Assert.AreEqual(nameof(NvidiaSmiOptions.Timeout), error.ParamName);
    }

    [TestMethod]
    [DataRow(0)]
    [DataRow(4095)]
    [DataRow(64 * 1024 * 1024 + 1)]
    public void AnOutputLimitOutOfRangeIsRejectedByName(int bytes)
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(new NvidiaSmiOptions { MaxOutputBytes = bytes }.Validate);

        Assert.AreEqual(nameof(NvidiaSmiOptions.MaxOutputBytes), error.ParamName);
    }

    [TestMethod]
    public void AnEmptyNodeNameIsRejectedByName()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(new NvidiaSmiOptions { Node = "" }.Validate);

        Assert.AreEqual(nameof(NvidiaSmiOptions.Node), error.ParamName);
    }

    [TestMethod]
    public void TheCollectorValidatesItsOptions()
    {
        var error = Assert.ThrowsExactly<ArgumentOutOfRangeException>(() => new NvidiaSmiCollector(new NvidiaSmiOptions { Timeout = TimeSpan.Zero }));

        Assert.AreEqual(nameof(NvidiaSmiOptions.Timeout), error.ParamName);
    }
}
