namespace Telemetry.Alerting.Rules;

/// <summary>A node seen before whose agent sends no GPU windows.</summary>
public sealed class AgentSilentRuleOptions
{
    /// <summary>Whether the rule runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long without a window from the node before the alert fires. Default 5 minutes.</summary>
    public TimeSpan For { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// After this long silent the node is forgotten and its alert resolves, so that a node taken out of the fleet does
    /// not alert for ever. Default 24 hours.
    /// </summary>
    public TimeSpan ForgetAfter { get; set; } = TimeSpan.FromHours(24);
}
