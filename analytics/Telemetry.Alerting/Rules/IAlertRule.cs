namespace Telemetry.Alerting.Rules;

/// <summary>One rule: updates its conditions with a window and adds the alerts that fire.</summary>
internal interface IAlertRule
{
    void Evaluate(WindowContext context, List<Alert> firing);
}
