using Telemetry.Cli.Commands;

namespace Telemetry.Cli.Tests;

/// <summary>
/// A simulated fleet run faster than real time starts its clock in the past, by as much as it gains, so that none of its
/// samples is ever ahead of the wall clock: the aggregator would quarantine those as future-dated.
/// </summary>
[TestClass]
public sealed class SimulatedFleetStartTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 4, 30, 0, 500, TimeSpan.Zero);

    [TestMethod]
    [DataRow("1", 0.0)]
    [DataRow("20", 57.0)]
    [DataRow("240", 59.75)]
    [DataRow("max", 60.0)]
    public void ItStartsAsFarBackAsItGainsOnTheWallClock(string speed, double minutesBack)
    {
        var settings = new AgentCommand.Settings { Duration = "1h", Speed = speed };

        var start = settings.SimulationStart(Now);

        Assert.AreEqual(new DateTimeOffset(2026, 11, 29, 4, 30, 0, TimeSpan.Zero).AddMinutes(-minutesBack), start);
        if (settings.SpeedValue > 0)
        {
            // The last sample is due when the run ends on the wall clock, not before.
            var runEnds = Now + (settings.DurationValue / settings.SpeedValue);
            Assert.IsLessThanOrEqualTo(runEnds, start + settings.DurationValue);
        }
    }
}
