using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Alerting.Rules;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Windows;

namespace Telemetry.Alerting.Tests.Support;

internal static class Evaluators
{
    public static AlertEvaluator Create(AlertRules? rules = null) =>
        new(rules ?? new AlertRules(), CostModel.Default(), NullLogger<AlertEvaluator>.Instance);

    /// <summary>Evaluates the windows in order and returns what fires after each.</summary>
    public static List<IReadOnlyList<Alert>> Run(this AlertEvaluator evaluator, IEnumerable<ClosedWindow> windows) =>
        [.. windows.Select(w => evaluator.Evaluate(w))];

    public static IEnumerable<Alert> Named(this IEnumerable<Alert> alerts, string name) => alerts.Where(a => a.Name == name);
}
