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
        Assert.HasCount(wantedJob.Series.Count, job.Series, "one point per window");
        for (var i = 0; i < job.Series.Count; i++)
        {
            // Parts of a window that several aggregator instances wrote add up in another order than one instance's rows.
            var (wantedPoint, point) = (wantedJob.Series[i], job.Series[i]);
            Assert.AreEqual(wantedPoint, point with
            {
                GpuSeconds = Near(wantedPoint.GpuSeconds, point.GpuSeconds),
                EnergyJoules = Near(wantedPoint.EnergyJoules, point.EnergyJoules),
                Tflop = Near(wantedPoint.Tflop, point.Tflop),
                Cost = point.Cost is { } pointCost && wantedPoint.Cost is { } wantedCost ? Near(wantedCost, pointCost) : point.Cost,
            }, $"window {wantedPoint.WindowStart:u}");
        }

        foreach (var by in Enum.GetValues<GroupBy>())
        {
            AssertSameGroups(await expected.EnergyByAsync(by, range, token), await actual.EnergyByAsync(by, range, token), by.ToString());
            foreach (var teams in TeamFilters(wantedJob.Team))
            {
                AssertSameGroups(await expected.EnergyByAsync(by, range, teams, token), await actual.EnergyByAsync(by, range, teams, token), $"{by} of [{string.Join(", ", teams)}]");
            }
        }

        AssertSameWaste(await expected.TopWasteAsync(range, 50, token), await actual.TopWasteAsync(range, 50, token), "all teams");
        foreach (var teams in TeamFilters(wantedJob.Team))
        {
            AssertSameWaste(await expected.TopWasteAsync(range, 50, teams, token), await actual.TopWasteAsync(range, 50, teams, token), $"[{string.Join(", ", teams)}]");
        }
    }

    // The job's own team, a team with no data beside it, a quote that must stay a literal, and no team at all.
    private static string[][] TeamFilters(string team) => [[team], [team, "no-such-team"], ["o'brien"], []];

    private static void AssertSameGroups(IReadOnlyList<GroupEnergy> wanted, IReadOnlyList<GroupEnergy> groups, string what)
    {
        Assert.HasCount(wanted.Count, groups, what);
        for (var i = 0; i < groups.Count; i++)
        {
            Assert.AreEqual(wanted[i].Key, groups[i].Key, what);
            Assert.AreEqual(wanted[i].Currency, groups[i].Currency, what);
            Assert.AreEqual(wanted[i].Tokens, groups[i].Tokens, what);
            Close(wanted[i].EnergyJoules, groups[i].EnergyJoules, $"{what} {groups[i].Key} energy");
            Close(wanted[i].GpuSeconds, groups[i].GpuSeconds, $"{what} {groups[i].Key} GPU-seconds");
            Close(wanted[i].Cost, groups[i].Cost, $"{what} {groups[i].Key} cost");
        }
    }

    private static void AssertSameWaste(IReadOnlyList<WasteEntry> wanted, IReadOnlyList<WasteEntry> waste, string what)
    {
        Assert.HasCount(wanted.Count, waste, what);
        for (var i = 0; i < waste.Count; i++)
        {
            Assert.AreEqual((wanted[i].Class, wanted[i].Team, wanted[i].Model, wanted[i].Currency), (waste[i].Class, waste[i].Team, waste[i].Model, waste[i].Currency), what);
            Close(wanted[i].GpuSeconds, waste[i].GpuSeconds, $"{what} waste seconds");
            Close(wanted[i].EnergyJoules, waste[i].EnergyJoules, $"{what} waste energy");
            Close(wanted[i].Cost, waste[i].Cost, $"{what} waste cost");
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
