using Telemetry.Alerting.Rules;
using Telemetry.Analytics.Windows;
using static Telemetry.Alerting.Tests.Support.TestWindows;

namespace Telemetry.Alerting.Tests.Rules;

[TestClass]
public sealed class EnergyBudgetRuleTests
{
    // One kWh a minute at the default model's 0.12 USD per kWh and PUE 1.3: 0.156 USD a minute.
    private const double KwhJoules = 3_600_000;

    private static AlertRules DailyBudget(double amount, string currency = "USD", string zone = "UTC") => new()
    {
        EnergyBudgets = [new EnergyBudgetOptions { Team = "vision", Period = BudgetPeriod.Day, Amount = amount, Currency = currency, TimeZone = zone }],
    };

    private static ClosedWindow Spending(int minute, string team = "vision") =>
        Window(minute, [Gpu(minute) with { EnergyJoules = KwhJoules }], [Job(minute, team: team, joules: KwhJoules)]);

    [TestMethod]
    public void ATeamCrossingItsDailyBudgetFiresFromTheWindowThatCrossed()
    {
        var evaluator = Support.Evaluators.Create(DailyBudget(1.0));

        var after = Support.Evaluators.Run(evaluator, Enumerable.Range(0, 8).Select(m => Spending(m)));

        Assert.IsEmpty(after[5]);
        var alert = Assert.ContainsSingle(after[6]);
        Assert.AreEqual(AlertNames.TeamEnergyBudgetExceeded, alert.Name);
        Assert.AreEqual(At(6), alert.StartsAt);
        Assert.AreEqual("vision", alert.Labels["team"]);
        Assert.AreEqual("day", alert.Labels["period"]);
        Assert.Contains("1.09 USD", alert.Annotations["summary"]);
        Assert.Contains("2025-03-04", alert.Annotations["summary"]);
        Assert.AreEqual(At(6), Assert.ContainsSingle(after[7]).StartsAt);
    }

    [TestMethod]
    public void OtherTeamsSpendDoesNotCount()
    {
        var evaluator = Support.Evaluators.Create(DailyBudget(1.0));

        var after = Support.Evaluators.Run(evaluator, Enumerable.Range(0, 10).Select(m => Spending(m, team: "speech")));

        Assert.IsTrue(after.All(a => a.Count == 0));
    }

    [TestMethod]
    public void ANewDayStartsTheBudgetAgain()
    {
        var evaluator = Support.Evaluators.Create(DailyBudget(0.3));
        var beforeMidnight = (int)(new DateTimeOffset(2025, 3, 4, 23, 58, 0, TimeSpan.Zero) - T0).TotalMinutes;

        var after = Support.Evaluators.Run(evaluator, Enumerable.Range(beforeMidnight, 3).Select(m => Spending(m)));

        Assert.IsEmpty(after[0]);
        Assert.ContainsSingle(after[1]);
        Assert.IsEmpty(after[2]);
    }

    [TestMethod]
    public void TheBudgetsTimeZoneDecidesTheDay()
    {
        // 23:58 UTC is already the next day in Tokyo: the two minutes before UTC midnight count together there.
        var evaluator = Support.Evaluators.Create(DailyBudget(0.3, zone: "Asia/Tokyo"));
        var beforeMidnight = (int)(new DateTimeOffset(2025, 3, 4, 23, 58, 0, TimeSpan.Zero) - T0).TotalMinutes;

        var after = Support.Evaluators.Run(evaluator, Enumerable.Range(beforeMidnight, 3).Select(m => Spending(m)));

        Assert.ContainsSingle(after[1]);
        Assert.ContainsSingle(after[2]);
    }

    [TestMethod]
    public void SpendInAnotherCurrencyIsNotAddedToTheBudget()
    {
        var evaluator = Support.Evaluators.Create(DailyBudget(0.01, currency: "EUR"));

        var after = Support.Evaluators.Run(evaluator, Enumerable.Range(0, 5).Select(m => Spending(m)));

        Assert.IsTrue(after.All(a => a.Count == 0));
    }

    [TestMethod]
    public void AReplayedWindowIsNotSpentTwice()
    {
        var evaluator = Support.Evaluators.Create(DailyBudget(1.0));
        int[] minutes = [0, 1, 2, 3, 3, 3, 4, 5];

        var after = Support.Evaluators.Run(evaluator, minutes.Select(m => Spending(m)));

        Assert.IsTrue(after.All(a => a.Count == 0));
    }
}
