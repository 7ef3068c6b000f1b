using Telemetry.Analytics.Reporting;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Reporting;

[TestClass]
public sealed class WasteEpisodesTests
{
    [TestMethod]
    public void BackToBackWindowsInOneClassFormOneEpisodeMeasuredToTheSecond()
    {
        var states = new[] { Row(0, "allocated-idle", 25), Row(1, "allocated-idle", 60), Row(2, "allocated-idle", 60), Row(3, "allocated-idle", 33) };

        var episode = Assert.ContainsSingle(WasteEpisodes.Find(states, Rules(minutes: 2)));

        Assert.AreEqual(178.0, episode.Seconds);
        Assert.AreEqual((At(0), At(240)), (episode.Start.ToUnixTimeMilliseconds(), episode.End.ToUnixTimeMilliseconds()));
    }

    [TestMethod]
    public void AnEpisodeShorterThanItsClassesMinimumDoesNotCount()
    {
        var states = new[] { Row(0, "allocated-idle", 60), Row(1, "allocated-idle", 59) };

        Assert.IsEmpty(WasteEpisodes.Find(states, Rules(minutes: 2)));
    }

    [TestMethod]
    public void AWindowWithoutTheClassEndsTheEpisode()
    {
        var states = new[] { Row(0, "zombie", 60), Row(1, "zombie", 60), Row(3, "zombie", 60), Row(4, "zombie", 60) };

        var episodes = WasteEpisodes.Find(states, new WasteEpisodeRules { MinimumDurations = { ["zombie"] = TimeSpan.FromMinutes(2) } });

        Assert.HasCount(2, episodes);
    }

    [TestMethod]
    public void ProductiveTimeIsNeverWaste()
    {
        Assert.IsEmpty(WasteEpisodes.Find([Row(0, "productive", 60)], new WasteEpisodeRules()));
    }

    [TestMethod]
    public void AMinimumForAClassThatIsNotWasteIsRefusedNamingIt()
    {
        var rules = new WasteEpisodeRules { MinimumDurations = { ["coffee-break"] = TimeSpan.FromMinutes(1) } };

        var e = Assert.ThrowsExactly<ArgumentException>(rules.Validate);

        Assert.Contains("coffee-break", e.Message);
    }

    private static WasteEpisodeRules Rules(int minutes) => new() { MinimumDurations = { ["allocated-idle"] = TimeSpan.FromMinutes(minutes) } };

    private static GpuStateWindow Row(int minute, string state, double seconds) =>
        new(At(minute * 60), At((minute + 1) * 60), H100.Node, H100.Uuid, H100.Index, null, H100.Model, "job-1", state, seconds, seconds * 70);
}
