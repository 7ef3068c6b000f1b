using Telemetry.Agent.Spooling;

namespace Telemetry.Agent.Tests.Spooling;

[TestClass]
public sealed class SpoolOptionsTests
{
    [TestMethod]
    public void TheDefaultsWithADirectoryAreValid()
    {
        var options = new SpoolOptions { Directory = "spool" };

        options.Validate();

        Assert.AreEqual(1L << 30, options.MaxBytes);
        Assert.AreEqual(4 << 20, options.SegmentBytes);
    }

    [TestMethod]
    [DataRow("", 4 << 20, 1L << 30, "Spool:Directory")]
    [DataRow("spool", 512, 1L << 30, "Spool:SegmentBytes")]
    [DataRow("spool", 4 << 20, 4 << 20, "Spool:MaxBytes")]
    public void AnUnusableSettingIsRefusedByName(string directory, int segmentBytes, long maxBytes, string setting)
    {
        var options = new SpoolOptions { Directory = directory, SegmentBytes = segmentBytes, MaxBytes = maxBytes };

        var refused = Assert.ThrowsExactly<ArgumentException>(options.Validate);

        Assert.StartsWith(setting, refused.Message);
    }
}
