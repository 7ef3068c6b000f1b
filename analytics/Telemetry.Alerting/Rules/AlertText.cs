namespace Telemetry.Alerting.Rules;

/// <summary>An alert's annotations: one line, what was seen, what to do.</summary>
internal readonly record struct AlertText(string Summary, string Description, string Action);
