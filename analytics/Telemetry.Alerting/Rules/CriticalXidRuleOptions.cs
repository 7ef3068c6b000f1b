namespace Telemetry.Alerting.Rules;

/// <summary>Fires on the window an XID of critical catalog severity appears in; resolves once it stays away.</summary>
public sealed class CriticalXidRuleOptions
{
    /// <summary>Whether the rule runs. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How long after its last window without the XID again the alert resolves. Default 30 minutes.</summary>
    public TimeSpan QuietPeriod { get; set; } = TimeSpan.FromMinutes(30);
}
