using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Reporting;

/// <summary>
/// Finds waste episodes in GPU state rows: for each GPU and waste class, runs of back-to-back windows that have time
/// in the class, kept when the run's time in the class reaches the class's minimum duration.
/// </summary>
public static class WasteEpisodes
{
    /// <summary>The episodes, oldest first.</summary>
    public static IReadOnlyList<WasteEpisode> Find(IEnumerable<GpuStateWindow> states, WasteEpisodeRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var episodes = new List<WasteEpisode>();
        var byGpuAndClass = states
            .Where(s => StateNames.Waste.Contains(s.State))
            .GroupBy(s => (s.GpuUuid, s.MigInstance, s.State));
        foreach (var group in byGpuAndClass)
        {
            var minimum = rules.MinimumDurations.GetValueOrDefault(group.Key.State).TotalSeconds;
            var run = new List<GpuStateWindow>();
            foreach (var row in group.OrderBy(s => s.WindowStart))
            {
                if (run.Count > 0 && run[^1].WindowEnd != row.WindowStart)
                {
                    Close(run, minimum, episodes);
                }

                run.Add(row);
            }

            Close(run, minimum, episodes);
        }

        return [.. episodes.OrderBy(e => e.Start).ThenBy(e => e.Node, StringComparer.Ordinal).ThenBy(e => e.GpuIndex)];
    }

    private static void Close(List<GpuStateWindow> run, double minimumSeconds, List<WasteEpisode> episodes)
    {
        if (run.Count == 0)
        {
            return;
        }

        var seconds = run.Sum(r => r.Seconds);
        if (seconds >= minimumSeconds && seconds > 0)
        {
            var first = run[0];
            episodes.Add(new WasteEpisode(
                first.Node, first.GpuUuid, first.GpuIndex, first.GpuModel, first.State, run.Select(r => r.JobId).LastOrDefault(j => j is not null),
                DateTimeOffset.FromUnixTimeMilliseconds(first.WindowStart), DateTimeOffset.FromUnixTimeMilliseconds(run[^1].WindowEnd),
                seconds, run.Sum(r => r.EnergyJoules)));
        }

        run.Clear();
    }
}
