using Telemetry.Alerting.Rules;
using static Telemetry.Alerting.Tests.Support.TestWindows;

namespace Telemetry.Alerting.Tests.Rules;

[TestClass]
public sealed class FleetRuleTests
{
    [TestMethod]
    public void ANodeSilentForFiveMinutesFiresFromWhereItsDataStoppedAndResolvesWhenItReturns()
    {
        var evaluator = Support.Evaluators.Create();
        var windows = Enumerable.Range(0, 12).Select(m => Window(m, m is >= 5 and < 11 ? [Gpu(m, "node-b")] : [Gpu(m, "node-a"), Gpu(m, "node-b")]));

        var after = Support.Evaluators.Run(evaluator, windows);

        Assert.IsEmpty(after[8]);
        var alert = Assert.ContainsSingle(after[9]);
        Assert.AreEqual(AlertNames.AgentSilent, alert.Name);
        Assert.AreEqual("node-a", alert.Labels["node"]);
        Assert.AreEqual(At(5), alert.StartsAt);
        Assert.IsFalse(alert.Labels.ContainsKey("gpu"));
        Assert.ContainsSingle(after[10]);
        Assert.IsEmpty(after[11]);
    }

    [TestMethod]
    public void ANodeSilentPastForgetAfterIsForgotten()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { AgentSilent = new() { For = TimeSpan.FromMinutes(2), ForgetAfter = TimeSpan.FromMinutes(4) } });
        var windows = Enumerable.Range(0, 6).Select(m => Window(m, m == 0 ? [Gpu(m, "node-a"), Gpu(m, "node-b")] : [Gpu(m, "node-b")]));

        var after = Support.Evaluators.Run(evaluator, windows);

        Assert.ContainsSingle(after[2]);
        Assert.ContainsSingle(after[3]);
        Assert.IsEmpty(after[4]);
        Assert.IsEmpty(after[5]);
    }

    [TestMethod]
    public void RisingLossCountersFireOneAlertPerKindAndResolveAfterFifteenQuietMinutes()
    {
        var evaluator = Support.Evaluators.Create();
        var quiet = new PipelineCounts(0, 0, 0, 0, 0);

        var first = evaluator.Evaluate(Window(0, [Gpu(0)]), quiet);
        var rising = evaluator.Evaluate(Window(1, [Gpu(1)]), quiet with { LostMessages = 12, LateRows = 3 });
        var still = Enumerable.Range(2, 14).Select(m => evaluator.Evaluate(Window(m, [Gpu(m)]), quiet with { LostMessages = 12, LateRows = 3 })).Last();
        var cleared = evaluator.Evaluate(Window(16, [Gpu(16)]), null);

        Assert.IsEmpty(first);
        Assert.HasCount(2, rising);
        CollectionAssert.AreEquivalent(new[] { "lost-messages", "late-rows" }, rising.Select(a => a.Labels["loss"]).ToArray());
        Assert.IsTrue(rising.All(a => a.Name == AlertNames.PipelineDataLoss && a.StartsAt == At(1)));
        Assert.Contains("12 lost messages", rising.Single(a => a.Labels["loss"] == "lost-messages").Annotations["summary"]);
        Assert.HasCount(2, still);
        Assert.IsEmpty(cleared);
    }

    [TestMethod]
    public void ACounterThatFallsIsARestartCountingFromZero()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { DataLoss = new() { MinIncrease = 5, QuietPeriod = TimeSpan.FromMinutes(1) } });

        evaluator.Evaluate(Window(0, [Gpu(0)]), new PipelineCounts(0, 0, 0, 0, 0));
        var rose = evaluator.Evaluate(Window(1, [Gpu(1)]), new PipelineCounts(100, 0, 0, 0, 0));
        var quiet = evaluator.Evaluate(Window(2, [Gpu(2)]), new PipelineCounts(100, 0, 0, 0, 0));
        var afterRestart = evaluator.Evaluate(Window(3, [Gpu(3)]), new PipelineCounts(7, 0, 0, 0, 0));

        Assert.AreEqual(At(1), Assert.ContainsSingle(rose).StartsAt);
        Assert.IsEmpty(quiet);
        var alert = Assert.ContainsSingle(afterRestart);
        Assert.AreEqual(At(3), alert.StartsAt);
        Assert.Contains("7 lost messages", alert.Annotations["summary"]);
    }

    [TestMethod]
    public void RulesLeaveAReplayedWindowAlone()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { DataLoss = new() { MinIncrease = 1 } });

        evaluator.Evaluate(Window(0, [Gpu(0)]), new PipelineCounts(0, 0, 0, 0, 0));
        var replayed = evaluator.Evaluate(Window(0, [Gpu(0)]), new PipelineCounts(50, 0, 0, 0, 0));

        Assert.IsEmpty(replayed);
    }
}
