using Telemetry.Alerting.Rules;
using Telemetry.Analytics.Windows;
using Telemetry.Hostile;
using static Telemetry.Alerting.Tests.Support.TestWindows;

namespace Telemetry.Alerting.Tests.Rules;

/// <summary>
/// Alerts carry the same labels and texts under German and Turkish as under the invariant culture: receivers and the
/// scripts behind them never see <c>97,5 °C</c> or <c>1,09 USD</c>.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CultureInvarianceTests
{
    [TestMethod]
    public void TemperatureThrottlingAndBudgetAlertsReadTheSameUnderEveryCulture()
    {
        var rules = new AlertRules
        {
            EnergyBudgets = [new EnergyBudgetOptions { Team = "vision", Period = BudgetPeriod.Day, Amount = 1.0, Currency = "USD", TimeZone = "Europe/Istanbul" }],
        };
        var windows = Enumerable.Range(0, 12).Select(m => Window(m,
            [Gpu(m) with { MemoryTempMax = 97.5, GpuTempMax = 95.5, ThrottleSeconds = 42.5, ThermalThrottleSeconds = 40.5, EnergyJoules = 3_600_000 }],
            [Job(m, team: "vision", joules: 3_600_000)])).ToList();

        var alerts = Cultures.Same(() => string.Join('\n', Support.Evaluators.Run(Support.Evaluators.Create(rules), windows).SelectMany(fired => fired).Select(Show)), "the alerts");

        StringAssert.Contains(alerts, "at 97.5 °C, above 95 °C");
        StringAssert.Contains(alerts, "at least 25 % of every window");
        StringAssert.Contains(alerts, "1.09 USD");
    }

    private static string Show(Alert alert) =>
        string.Join(' ', alert.Labels.Concat(alert.Annotations).Select(p => $"{p.Key}={p.Value}"));
}
