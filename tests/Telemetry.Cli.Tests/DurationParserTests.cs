namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class DurationParserTests
{
    [TestMethod]
    [DataRow("90s", 90)]
    [DataRow("30m", 1800)]
    [DataRow("1h", 3600)]
    [DataRow("1h30m", 5400)]
    [DataRow("2d", 172800)]
    [DataRow("0.5h", 1800)]
    [DataRow("00:10:00", 600)]
    public void ParsesDurationsAsPeopleTypeThem(string text, double seconds)
    {
        Assert.IsTrue(DurationParser.TryParse(text, out var duration));
        Assert.AreEqual(TimeSpan.FromSeconds(seconds), duration);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("h")]
    [DataRow("10")]
    [DataRow("10x")]
    [DataRow("-5m")]
    [DataRow("0s")]
    public void RejectsWhatIsNotADuration(string text)
    {
        Assert.IsFalse(DurationParser.TryParse(text, out _));
        Assert.ThrowsExactly<FormatException>(() => DurationParser.Parse(text));
    }
}
