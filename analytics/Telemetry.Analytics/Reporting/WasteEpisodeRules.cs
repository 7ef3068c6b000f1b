namespace Telemetry.Analytics.Reporting;

/// <summary>
/// How long a GPU must stay in a waste class before it counts, per class. Defaults: allocated-idle and
/// memory-parked 10 minutes, zombie 5 minutes, throttled 1 minute, unallocated-idle at once.
/// </summary>
public sealed class WasteEpisodeRules
{
    /// <summary>Minimum duration by class name.</summary>
    public Dictionary<string, TimeSpan> MinimumDurations { get; } = new(StringComparer.Ordinal)
    {
        ["allocated-idle"] = TimeSpan.FromMinutes(10),
        ["memory-parked"] = TimeSpan.FromMinutes(10),
        ["zombie"] = TimeSpan.FromMinutes(5),
        ["throttled"] = TimeSpan.FromMinutes(1),
        ["unallocated-idle"] = TimeSpan.Zero,
    };

    /// <summary>Throws with a message naming the class when a duration is negative or a class is unknown.</summary>
    public void Validate()
    {
        foreach (var (name, duration) in MinimumDurations)
        {
            if (!Windows.StateNames.Waste.Contains(name))
            {
                throw new ArgumentException($"WasteEpisodes:MinimumDurations names '{name}', which is not one of {string.Join(", ", Windows.StateNames.Waste)}.", nameof(MinimumDurations));
            }

            if (duration < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(MinimumDurations), duration, $"WasteEpisodes:MinimumDurations:{name} must not be negative.");
            }
        }
    }
}
