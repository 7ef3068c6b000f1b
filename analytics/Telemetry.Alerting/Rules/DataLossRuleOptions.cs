namespace Telemetry.Alerting.Rules;

/// <summary>Lost, skipped, late, invalid or bad data, from the pipeline's own counters (<see cref="PipelineCounts"/>).</summary>
public sealed class DataLossRuleOptions
{
    /// <summary>Whether the rule runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How much a counter must rise between two evaluations to count. Default 1: any loss.</summary>
    public long MinIncrease { get; set; } = 1;

    /// <summary>How long without a rise before the alert resolves. Default 15 minutes.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMinutes(15);
}
