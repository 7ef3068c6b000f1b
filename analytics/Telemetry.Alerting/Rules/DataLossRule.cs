namespace Telemetry.Alerting.Rules;

/// <summary>
/// The pipeline's loss counters rising: one alert per kind of loss while it keeps rising, resolving after a quiet
/// period. A total lower than the last is a restarted process whose counting began at zero.
/// </summary>
internal sealed class DataLossRule(DataLossRuleOptions options, AlertFactory factory) : IAlertRule
{
    private static readonly LossKind[] Kinds =
    [
        new("lost-messages", c => c.LostMessages, "messages missing from agents' sequences (sent, never received)",
            "Check the Kafka cluster and the agents' producers (delivery errors, a full disk spool); the GPUs' data for those messages is gone."),
        new("skipped-offsets", c => c.SkippedOffsets, "Kafka offsets jumped over before they were read (retention or an offset reset)",
            "The aggregator fell behind Kafka's retention or its offsets were reset: add aggregator instances or partitions, or lengthen retention."),
        new("late-rows", c => c.LateRows, "sample rows that arrived after their window had closed",
            "Check the agents' clocks (NTP) and the consumer's lag; raise the aggregator's allowed lateness if agents legitimately send late."),
        new("invalid-rows", c => c.InvalidRows, "sample rows with an impossible time or identity, or in undecodable messages",
            "Check the agents' versions and clocks against the aggregator's contract; the aggregator's log names the cause."),
        new("bad-messages", c => c.BadMessages, "messages skipped as bad (not Arrow, unsupported version, ...)",
            "Check what writes to the telemetry topics: only the agents should; the aggregator's log names the cause of each kind."),
    ];

    private readonly EpisodeTracker<string, LossKind> _episodes = new();
    private PipelineCounts? _last;

    public void Evaluate(WindowContext context, List<Alert> firing)
    {
        if (context.Counts is { } counts)
        {
            foreach (var kind in Kinds)
            {
                var now = kind.Count(counts);
                var before = _last is null ? 0 : kind.Count(_last);
                var rise = now >= before ? now - before : now;
                if (rise >= options.MinIncrease)
                {
                    _episodes.Hit(kind.Name, context.Start, context.End, rise, kind);
                }
            }

            _last = counts;
        }

        foreach (var (name, episode) in _episodes.Open(context.End, options.QuietPeriod))
        {
            var kind = episode.Context;
            firing.Add(factory.Create(AlertNames.PipelineDataLoss, AlertSeverity.Warning, AlertFactory.Time(episode.Since),
                new($"Telemetry pipeline: {episode.Total} {name.Replace('-', ' ')} since {Durations.At(episode.Since)}",
                    $"The pipeline counted {episode.Total} {kind.Meaning} since {Durations.At(episode.Since)}; the last rise was in the window "
                    + $"ending {Durations.At(episode.LastHitEnd)}. Figures for the windows concerned are incomplete.",
                    kind.Action),
                (AlertLabels.Loss, name)));
        }
    }

    private sealed record LossKind(string Name, Func<PipelineCounts, long> Count, string Meaning, string Action);
}
