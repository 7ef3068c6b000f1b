namespace Telemetry.Alerting;

/// <summary>The annotation names alerts carry.</summary>
public static class AlertAnnotations
{
    /// <summary>One line for a notification's title.</summary>
    public const string Summary = "summary";

    /// <summary>What was seen, with the figures.</summary>
    public const string Description = "description";

    /// <summary>What to do about it, in plain words.</summary>
    public const string Action = "action";

    /// <summary>A link to the rule's runbook, when <see cref="Rules.AlertRules.RunbookBaseUrl"/> is set.</summary>
    public const string RunbookUrl = "runbook_url";
}
