using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Queries;
using Telemetry.Analytics.Tests.Influx;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Queries;

[TestClass]
public sealed class LedgerQueryStoreTests
{
    private static readonly TimeRange FirstHour = new(Start, Start.AddHours(1));

    [TestMethod]
    public async Task TheFleetSummaryIsTheLatestWindow()
    {
        using var ledger = new TempDirectory();
        var writer = new LedgerWriter(ledger.Path);
        writer.Write(InfluxPointsTests.Window());
        var later = InfluxPointsTests.Window() is var w ? Shift(w, 60_000) : null!;
        writer.Write(later);

        var summary = await new LedgerQueryStore(new LedgerReader(ledger.Path)).FleetSummaryAsync(CancellationToken.None);

        Assert.IsNotNull(summary);
        Assert.AreEqual(Start.AddMinutes(1), summary.WindowStart);
        Assert.AreEqual(2, summary.Gpus);
        Assert.AreEqual(1, summary.GpusByState["productive"]);
        Assert.AreEqual(1, summary.GpusByState["unallocated-idle"]);
        Assert.AreEqual(36_012.345 / 60, summary.PowerWatts, 1e-9);
        Assert.AreEqual(87.25, summary.UtilizationMean!.Value, 1e-12, "only the GPU that reported utilization counts");
        var cost = CostModel.Default();
        var expectedCostPerHour = cost.EnergyCost(cost.DefaultSite, 36_012.345, Start.AddMinutes(1), Start.AddMinutes(2)).Cost * 60;
        Assert.AreEqual(expectedCostPerHour, summary.CostPerHour!.Value, 1e-12);
    }

    [TestMethod]
    public async Task NoWindowsMeansNoSummaryAndNoGpus()
    {
        using var ledger = new TempDirectory();
        var store = new LedgerQueryStore(new LedgerReader(ledger.Path));

        Assert.IsNull(await store.FleetSummaryAsync(CancellationToken.None));
        Assert.IsEmpty(await store.GpusAsync(new GpuFilter(), CancellationToken.None));
        Assert.IsNull(await store.JobAsync("job-1", FirstHour, CancellationToken.None));
    }

    [TestMethod]
    public async Task GpusAreFilteredByStateNodeAndModel()
    {
        using var ledger = new TempDirectory();
        new LedgerWriter(ledger.Path).Write(InfluxPointsTests.Window());
        var store = new LedgerQueryStore(new LedgerReader(ledger.Path));

        var productive = await store.GpusAsync(new GpuFilter(State: "productive"), CancellationToken.None);
        var elsewhere = await store.GpusAsync(new GpuFilter(Node: "node-2"), CancellationToken.None);

        var gpu = Assert.ContainsSingle(productive);
        Assert.AreEqual(H100.Uuid, gpu.GpuUuid);
        Assert.AreEqual("job-1", gpu.JobId);
        Assert.IsEmpty(elsewhere);
    }

    [TestMethod]
    public async Task AJobsEfficiencyAddsItsWindowsUp()
    {
        using var ledger = new TempDirectory();
        var writer = new LedgerWriter(ledger.Path);
        writer.Write(InfluxPointsTests.Window());
        writer.Write(Shift(InfluxPointsTests.Window(), 60_000));

        var job = await new LedgerQueryStore(new LedgerReader(ledger.Path)).JobAsync("job-1", FirstHour, CancellationToken.None);

        Assert.IsNotNull(job);
        Assert.HasCount(2, job.Series);
        Assert.AreEqual(2 * 36_012.345, job.EnergyJoules, 1e-9);
        Assert.AreEqual(2_000_002, job.Tokens);
        Assert.AreEqual(2_000_002 / (2 * 36_012.345), job.TokensPerJoule!.Value, 1e-12);
        Assert.AreEqual("llm", job.Team);
        Assert.AreEqual("USD", job.Currency);
    }

    [TestMethod]
    public async Task EnergyGroupsByTeamAndWasteIsRankedByCost()
    {
        using var ledger = new TempDirectory();
        new LedgerWriter(ledger.Path).Write(InfluxPointsTests.Window());
        var store = new LedgerQueryStore(new LedgerReader(ledger.Path));

        var teams = await store.EnergyByAsync(GroupBy.Team, FirstHour, CancellationToken.None);
        var waste = await store.TopWasteAsync(FirstHour, 10, CancellationToken.None);

        Assert.AreEqual("llm", teams[0].Key);
        Assert.AreEqual(36_012.345, teams[0].EnergyJoules, 1e-9);
        var idle = Assert.ContainsSingle(waste);
        Assert.AreEqual("allocated-idle", idle.Class);
        Assert.AreEqual("llm", idle.Team);
        Assert.AreEqual(4, idle.GpuSeconds, 1e-12);
    }

    [TestMethod]
    public async Task EnergyAndWasteNarrowedToTeamsCountOnlyTheJobsOfThoseTeams()
    {
        using var ledger = new TempDirectory();
        new LedgerWriter(ledger.Path).Write(InfluxPointsTests.Window());
        var store = new LedgerQueryStore(new LedgerReader(ledger.Path));

        var llmJobs = await store.EnergyByAsync(GroupBy.Job, FirstHour, ["llm"], CancellationToken.None);
        var visionModels = await store.EnergyByAsync(GroupBy.Model, FirstHour, ["vision"], CancellationToken.None);
        var noTeam = await store.EnergyByAsync(GroupBy.Team, FirstHour, [], CancellationToken.None);
        var llmWaste = await store.TopWasteAsync(FirstHour, 10, ["llm"], CancellationToken.None);
        var visionWaste = await store.TopWasteAsync(FirstHour, 10, ["vision"], CancellationToken.None);

        Assert.AreEqual("job-1", Assert.ContainsSingle(llmJobs).Key);
        var model = Assert.ContainsSingle(visionModels);
        Assert.AreEqual("unknown", model.Key, "job-2 reported no model");
        Assert.AreEqual(0, model.EnergyJoules);
        Assert.IsEmpty(noTeam);
        Assert.AreEqual("allocated-idle", Assert.ContainsSingle(llmWaste).Class);
        Assert.IsEmpty(visionWaste);
    }

    [TestMethod]
    public async Task ABadTeamFilterIsRefusedByName()
    {
        using var ledger = new TempDirectory();
        var store = new LedgerQueryStore(new LedgerReader(ledger.Path));

        var control = await Assert.ThrowsExactlyAsync<InvalidQueryException>(() => store.EnergyByAsync(GroupBy.Team, FirstHour, ["llm\n"], CancellationToken.None));
        var many = await Assert.ThrowsExactlyAsync<InvalidQueryException>(() => store.TopWasteAsync(FirstHour, 10, [.. Enumerable.Range(0, 1001).Select(i => $"t{i}")], CancellationToken.None));

        Assert.AreEqual("teams", control.ParamName);
        Assert.AreEqual("teams", many.ParamName);
    }

    [TestMethod]
    public async Task BadParametersAreRefusedByName()
    {
        using var ledger = new TempDirectory();
        var store = new LedgerQueryStore(new LedgerReader(ledger.Path));

        var state = await Assert.ThrowsExactlyAsync<InvalidQueryException>(() => store.GpusAsync(new GpuFilter(State: "sleeping"), CancellationToken.None));
        var limit = await Assert.ThrowsExactlyAsync<InvalidQueryException>(() => store.TopWasteAsync(FirstHour, 0, CancellationToken.None));
        var range = await Assert.ThrowsExactlyAsync<InvalidQueryException>(() => store.EnergyByAsync(GroupBy.Team, new TimeRange(FirstHour.To, FirstHour.From), CancellationToken.None));
        var job = await Assert.ThrowsExactlyAsync<InvalidQueryException>(() => store.JobAsync("job\n1", FirstHour, CancellationToken.None));

        Assert.AreEqual("state", state.ParamName);
        StringAssert.Contains(state.Message, "allocated-idle");
        Assert.AreEqual("limit", limit.ParamName);
        Assert.AreEqual("to", range.ParamName);
        Assert.AreEqual("job", job.ParamName);
    }

    internal static Telemetry.Analytics.Windows.ClosedWindow Shift(Telemetry.Analytics.Windows.ClosedWindow w, long ms) => w with
    {
        Start = w.Start + ms,
        End = w.End + ms,
        Gpus = [.. w.Gpus.Select(g => g with { WindowStart = g.WindowStart + ms, WindowEnd = g.WindowEnd + ms })],
        Jobs = [.. w.Jobs.Select(j => j with { WindowStart = j.WindowStart + ms, WindowEnd = j.WindowEnd + ms })],
        States = [.. w.States!.Select(s => s with { WindowStart = s.WindowStart + ms, WindowEnd = s.WindowEnd + ms })],
        Fleet = w.Fleet! with { WindowStart = w.Fleet.WindowStart + ms, WindowEnd = w.Fleet.WindowEnd + ms },
    };
}
