namespace Telemetry.Alerting;

/// <summary>
/// The label names alerts carry. The set is fixed and every value comes from a bounded set (node, GPU index, job, team,
/// XID code, loss kind, budget period): no measured figure is ever a label, so an alert's identity does not change
/// while its condition holds.
/// </summary>
public static class AlertLabels
{
    /// <summary>The rule's name, one of <see cref="AlertNames"/>.</summary>
    public const string AlertName = "alertname";

    /// <summary>One of <see cref="AlertSeverity"/>.</summary>
    public const string Severity = "severity";

    /// <summary>The node (host name) the agent reports as.</summary>
    public const string Node = "node";

    /// <summary>The GPU's index on its node, with <c>-mig</c> and the instance for a MIG instance (<c>3-mig1</c>).</summary>
    public const string Gpu = "gpu";

    /// <summary>The job holding the GPU.</summary>
    public const string Job = "job";

    /// <summary>The job's team, or the team of an energy budget.</summary>
    public const string Team = "team";

    /// <summary>The XID code of a critical XID alert.</summary>
    public const string Xid = "xid";

    /// <summary>What a data-loss alert counts: lost-messages, skipped-offsets, late-rows, invalid-rows, bad-messages.</summary>
    public const string Loss = "loss";

    /// <summary>An energy budget's period: day or month.</summary>
    public const string Period = "period";
}
