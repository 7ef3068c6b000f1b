namespace Telemetry.Alerting.Rules;

/// <summary>A rule on a GPU's dominant state (the state it spent most of a window in) holding for consecutive windows.</summary>
public sealed class StateRuleOptions
{
    /// <summary>Whether the rule runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long the state must hold, from the start of its first window to the end of the latest, before the alert fires.</summary>
    public TimeSpan For { get; set; }
}
