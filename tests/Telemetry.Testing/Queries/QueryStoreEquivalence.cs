using Microsoft.VisualStudio.TestTools.UnitTesting;
using Telemetry.Analytics.Queries;

namespace Telemetry.Testing.Queries;

/// <summary>Asserts that two query stores give the same answers (sums to within rounding of their order).</summary>
public static class QueryStoreEquivalence
{
    /// <summary>Asks both stores every question over <paramref name="range"/> (and about <paramref name="jobId"/>) and asserts equal answers.</summary>
    public static async Task AssertSameAsync(ITelemetryQueries actual, ITelemetryQueries expected, TimeRange range, string jobId)
    {
        var token = CancellationToken.None;
        var summary = await actual.FleetSummaryAsync(token);
        var wanted = await expected.FleetSummaryAsync(token);
        Assert.IsNotNull(summary);
        Assert.IsNotNull(wanted);
        Assert.AreEqual(wanted.WindowStart, summary.WindowStart);
        Assert.AreEqual(wanted.WindowEnd, summary.WindowEnd);
        Assert.AreEqual(wanted.Gpus, summary.Gpus);
        CollectionAssert.AreEquivalent(wanted.GpusByState.ToList(), summary.GpusByState.ToList());
        CollectionAssert.AreEquivalent(wanted.GpusByModel.ToList(), summary.GpusByModel.ToList());
        Close(wanted.PowerWatts, summary.PowerWatts, "power");
        Close(wanted.EnergyJoules, summary.EnergyJoules, "energy");
        Close(wanted.UtilizationMean, summary.UtilizationMean, "utilization");
        Close(wanted.CostPerHour, summary.CostPerHour, "cost rate");

        CollectionAssert.AreEqual(
            (await expected.GpusAsync(new GpuFilter(), token)).ToList(),
            (await actual.GpusAsync(new GpuFilter(), token)).ToList());
        foreach (var state in wanted.GpusByState.Keys.Where(s => s != "unknown"))
        {
            CollectionAssert.AreEqual(
                (await expected.GpusAsync(new GpuFilter(State: state), token)).ToList(),
                (await actual.GpusAsync(new GpuFilter(State: state), token)).ToList(), state);
        }

        var job = await actual.JobAsync(jobId, range, token);
        var wantedJob = await expected.JobAsync(jobId, range, token);
        Assert.IsNotNull(job);
        Assert.IsNotNull(wantedJob);
        Assert.AreEqual(wantedJob with { Series = [] }, job with { Series = [] } is var j ? j with
        {
            GpuSeconds = Near(wantedJob.GpuSeconds, j.GpuSeconds),
            BusyGpuSeconds = Near(wantedJob.BusyGpuSeconds, j.BusyGpuSeconds),
            EnergyJoules = Near(wantedJob.EnergyJoules, j.EnergyJoules),
            Tflop = Near(wantedJob.Tflop, j.Tflop),
            Cost = j.Cost is { } c && wantedJob.Cost is { } w ? Near(w, c) : j.Cost,
        } : null);
        CollectionAssert.AreEqual(wantedJob.Series.ToList(), job.Series.ToList(), "window by window, exactly");

        foreach (var by in Enum.GetValues<GroupBy>())
        {
            var groups = await actual.EnergyByAsync(by, range, token);
            var wantedGroups = await expected.EnergyByAsync(by, range, token);
            Assert.HasCount(wantedGroups.Count, groups, by.ToString());
            for (var i = 0; i < groups.Count; i++)
            {
                Assert.AreEqual(wantedGroups[i].Key, groups[i].Key, by.ToString());
                Assert.AreEqual(wantedGroups[i].Currency, groups[i].Currency);
                Assert.AreEqual(wantedGroups[i].Tokens, groups[i].Tokens);
                Close(wantedGroups[i].EnergyJoules, groups[i].EnergyJoules, $"{by} {groups[i].Key} energy");
                Close(wantedGroups[i].GpuSeconds, groups[i].GpuSeconds, $"{by} {groups[i].Key} GPU-seconds");
                Close(wantedGroups[i].Cost, groups[i].Cost, $"{by} {groups[i].Key} cost");
            }
        }

        var waste = await actual.TopWasteAsync(range, 50, token);
        var wantedWaste = await expected.TopWasteAsync(range, 50, token);
        Assert.HasCount(wantedWaste.Count, waste);
        for (var i = 0; i < waste.Count; i++)
        {
            Assert.AreEqual((wantedWaste[i].Class, wantedWaste[i].Team, wantedWaste[i].Model, wantedWaste[i].Currency), (waste[i].Class, waste[i].Team, waste[i].Model, waste[i].Currency));
            Close(wantedWaste[i].GpuSeconds, waste[i].GpuSeconds, "waste seconds");
            Close(wantedWaste[i].EnergyJoules, waste[i].EnergyJoules, "waste energy");
            Close(wantedWaste[i].Cost, waste[i].Cost, "waste cost");
        }
    }

    private static double Near(double expected, double actual) => Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)) ? expected : actual;

    private static void Close(double? expected, double? actual, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.AreEqual(expected, actual, what);
            return;
        }

        Assert.AreEqual(expected.Value, actual.Value, 1e-9 * Math.Max(1, Math.Abs(expected.Value)), what);
    }
}
