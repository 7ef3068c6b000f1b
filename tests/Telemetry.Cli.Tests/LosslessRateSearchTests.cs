using Telemetry.Cli.Bench;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class LosslessRateSearchTests
{
    private static readonly int[] Ladder = [400_000, 800_000, 1_600_000, 2_000_000];

    [TestMethod]
    public void AfterTheFirstRateThatFailsTwoRatesBetweenItAndTheHighestThatHeldNarrowTheLimit()
    {
        var next = LosslessRateSearch.RisingThenRefined(Ladder, refinements: 2);
        var steps = new List<LosslessStep>();

        Assert.AreEqual(400_000, Offer(next, steps, held: true));
        Assert.AreEqual(800_000, Offer(next, steps, held: true));
        Assert.AreEqual(1_600_000, Offer(next, steps, held: true));
        Assert.AreEqual(2_000_000, Offer(next, steps, held: false));
        // The geometric middle of 1.6M and 2.0M, to three figures; it holds, so the next lies between it and 2.0M.
        Assert.AreEqual(1_790_000, Offer(next, steps, held: true));
        Assert.AreEqual(1_890_000, Offer(next, steps, held: false));
        Assert.IsNull(next(steps));
        Assert.AreEqual(1_790_000, LosslessStep.HighestHeld(steps)!.Offered);
    }

    [TestMethod]
    public void ARefinedRateThatFailsNarrowsFromAbove()
    {
        var next = LosslessRateSearch.RisingThenRefined(Ladder, refinements: 2);
        var steps = new List<LosslessStep>();
        Offer(next, steps, held: true);
        Offer(next, steps, held: true);
        Offer(next, steps, held: false);

        Assert.AreEqual(1_130_000, Offer(next, steps, held: false));
        Assert.AreEqual(951_000, Offer(next, steps, held: true));
        Assert.IsNull(next(steps));
    }

    [TestMethod]
    public void NothingIsRefinedWhenTheLowestRateFailsOrEveryRateHeld()
    {
        var failing = LosslessRateSearch.RisingThenRefined(Ladder, refinements: 2);
        var steps = new List<LosslessStep>();
        Offer(failing, steps, held: false);
        Assert.IsNull(failing(steps));

        var holding = LosslessRateSearch.RisingThenRefined(Ladder, refinements: 2);
        steps.Clear();
        foreach (var _ in Ladder)
        {
            Offer(holding, steps, held: true);
        }

        Assert.IsNull(holding(steps));
        Assert.HasCount(Ladder.Length, steps);
    }

    // Offers the rate the search picks and records whether it held; returns the rate.
    private static int Offer(Func<IReadOnlyList<LosslessStep>, int?> next, List<LosslessStep> steps, bool held)
    {
        var rate = next(steps) ?? throw new AssertFailedException("The search ended early.");
        steps.Add(new LosslessStep(rate, rate, 1_000, held ? 1_000 : 999, held, 10, 1_000, 100, 10_000, 0.1));
        return rate;
    }
}
