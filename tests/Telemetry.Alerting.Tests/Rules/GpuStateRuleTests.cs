using Telemetry.Alerting.Rules;
using static Telemetry.Alerting.Tests.Support.TestWindows;

namespace Telemetry.Alerting.Tests.Rules;

[TestClass]
public sealed class GpuStateRuleTests
{
    [TestMethod]
    public void AllocatedIdleFiresAfterThirtyMinutesStartingAtTheFirstWindow()
    {
        var evaluator = Support.Evaluators.Create();

        var after = Support.Evaluators.Run(evaluator, Enumerable.Range(0, 30).Select(m => InState(m, "allocated-idle")));

        Assert.IsEmpty(after[28]);
        var alert = Assert.ContainsSingle(after[29]);
        Assert.AreEqual(AlertNames.GpuAllocatedIdle, alert.Name);
        Assert.AreEqual(T0, alert.StartsAt);
        Assert.IsFalse(alert.IsResolved);
        CollectionAssert.AreEquivalent(
            new Dictionary<string, string>
            {
                ["alertname"] = "GpuAllocatedIdle",
                ["severity"] = "warning",
                ["node"] = "node-a",
                ["gpu"] = "0",
                ["job"] = "job-1",
                ["team"] = "vision",
            },
            alert.Labels.ToDictionary());
        Assert.Contains("idle for 30 min", alert.Annotations["summary"]);
        Assert.IsTrue(alert.Annotations.ContainsKey("action"));
    }

    [TestMethod]
    public void AProductiveWindowRestartsTheIdleRun()
    {
        var evaluator = Support.Evaluators.Create();
        var windows = Enumerable.Range(0, 51).Select(m => InState(m, m == 20 ? "productive" : "allocated-idle"));

        var after = Support.Evaluators.Run(evaluator, windows);

        Assert.IsTrue(after.Take(50).All(a => a.Count == 0));
        Assert.AreEqual(At(21), Assert.ContainsSingle(after[50]).StartsAt);
    }

    [TestMethod]
    public void AMissingWindowRestartsTheRun()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { AllocatedIdle = new() { For = TimeSpan.FromMinutes(3) } });

        var after = Support.Evaluators.Run(evaluator, new[] { 0, 1, 3, 4, 5 }.Select(m => InState(m, "allocated-idle")));

        Assert.IsEmpty(after[3]);
        Assert.AreEqual(At(3), Assert.ContainsSingle(after[4]).StartsAt);
    }

    [TestMethod]
    public void TheDominantStateDecidesNotAnyShareOfIt()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { AllocatedIdle = new() { For = TimeSpan.Zero } });
        var window = Window(0, [Gpu(0)], [Job(0)], States(0, "allocated-idle", seconds: 20));

        Assert.IsEmpty(evaluator.Evaluate(window));
    }

    [TestMethod]
    public void ZombieMemoryFiresAfterTenMinutesWithoutAJobLabel()
    {
        var evaluator = Support.Evaluators.Create();

        var after = Support.Evaluators.Run(evaluator, Enumerable.Range(0, 10).Select(m => InState(m, "zombie", job: null)));

        Assert.IsEmpty(after[8]);
        var alert = Assert.ContainsSingle(after[9]);
        Assert.AreEqual(AlertNames.GpuZombieMemory, alert.Name);
        Assert.IsFalse(alert.Labels.ContainsKey("job"));
        Assert.Contains("nvidia-smi --query-compute-apps", alert.Annotations["action"]);
    }

    [TestMethod]
    public void ADisabledRuleNeverFires()
    {
        var evaluator = Support.Evaluators.Create(new AlertRules { ZombieMemory = new() { Enabled = false, For = TimeSpan.Zero } });

        Assert.IsEmpty(evaluator.Evaluate(InState(0, "zombie", job: null)));
    }
}
