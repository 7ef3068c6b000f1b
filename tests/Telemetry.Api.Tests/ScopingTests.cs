using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Telemetry.Alerting;
using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

/// <summary>Cost-centre scoping through the handlers: finance of team llm, a vision group member, and an SRE.</summary>
[TestClass]
public sealed class ScopingTests
{
    private const string Range = "from=2026-01-01&to=2026-01-02";
    private static readonly string FinanceLlm = Principals.Header("finance-llm@example.com");
    private static readonly string VisionMember = Principals.Group("carol@example.com", "vision-group-id");
    private static readonly string Sre = Principals.Role("dave@example.com", "sre");

    [TestMethod]
    [DataRow(null)]
    [DataRow("not base64!")]
    [DataRow("bm90IGpzb24=")]
    [DataRow("eyJjbGFpbXMiOjF9")]
    public async Task WithoutAParseablePrincipalARequestIsUnauthorized(string? header)
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(Apis.Scoping()), "/api/energy", header);

        Assert.IsNull(answer.ProblemParameter(401));
        StringAssert.Contains(answer.Json.GetProperty("detail").GetString(), "X-MS-CLIENT-PRINCIPAL");
    }

    [TestMethod]
    public async Task AnOversizedPrincipalIsUnauthorized()
    {
        using var apis = new Apis();
        var huge = Principals.Header("finance-llm@example.com", ("note", new string('x', 30_000)));

        var answer = await ApiCall.GetAsync(apis.Open(Apis.Scoping()), "/api/energy", huge);

        Assert.IsNull(answer.ProblemParameter(401));
    }

    [TestMethod]
    public async Task FinanceOfOneTeamCannotTellAnotherTeamsJobFromNoJob()
    {
        using var apis = new Apis();
        var api = apis.Open(Apis.Scoping());

        var own = await ApiCall.GetAsync(api, $"/api/jobs/job-1?{Range}", FinanceLlm);
        var other = await ApiCall.GetAsync(api, $"/api/jobs/job-2?{Range}", FinanceLlm);
        var none = await ApiCall.GetAsync(api, $"/api/jobs/job-3?{Range}", FinanceLlm);

        Assert.AreEqual(200, own.Status);
        Assert.IsNull(other.ProblemParameter(404));
        Assert.AreEqual(none.Body.Replace("job-3", "job-2", StringComparison.Ordinal), other.Body, "the same answer as for a job that does not exist");
    }

    [TestMethod]
    public async Task EnergyCountsOnlyTheCallersTeamsWhateverTheGrouping()
    {
        using var apis = new Apis();
        var api = apis.Open(Apis.Scoping());

        var teams = await ApiCall.GetAsync(api, $"/api/energy?by=team&{Range}", FinanceLlm);
        var jobs = await ApiCall.GetAsync(api, $"/api/energy?by=job&{Range}", FinanceLlm);
        var models = await ApiCall.GetAsync(api, $"/api/energy?by=model&{Range}", VisionMember);
        var csv = await ApiCall.GetAsync(api, $"/api/energy?by=job&format=csv&{Range}", VisionMember);

        CollectionAssert.AreEqual(new[] { "llm" }, Keys(teams));
        CollectionAssert.AreEqual(new[] { "job-1" }, Keys(jobs));
        CollectionAssert.AreEqual(new[] { SampleFleet.A100 }, Keys(models), "the models of the caller's jobs only");
        Assert.AreEqual(36_000, models.Json.GetProperty("groups")[0].GetProperty("energyJoules").GetDouble(), 1e-9);
        Assert.AreEqual(2, csv.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length, "header and job-2");
        StringAssert.Contains(csv.Body, "job-2,");
    }

    [TestMethod]
    public async Task WasteIsTheCallersTeamsOnly()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(Apis.Scoping()), $"/api/waste?{Range}", FinanceLlm);

        var entries = answer.Json.GetProperty("entries").EnumerateArray().ToList();
        Assert.HasCount(1, entries);
        Assert.AreEqual("llm", entries[0].GetProperty("team").GetString());
    }

    [TestMethod]
    public async Task TheFleetAndItsGpusNeedAFleetRole()
    {
        using var apis = new Apis();
        var api = apis.Open(Apis.Scoping());

        var financeFleet = await ApiCall.GetAsync(api, "/api/fleet", FinanceLlm);
        var financeGpus = await ApiCall.GetAsync(api, "/api/gpus", FinanceLlm);
        var sreFleet = await ApiCall.GetAsync(api, "/api/fleet", Sre);
        var sreGpus = await ApiCall.GetAsync(api, "/api/gpus", Sre);
        var sreEnergy = await ApiCall.GetAsync(api, $"/api/energy?{Range}", Sre);

        Assert.IsNull(financeFleet.ProblemParameter(403));
        Assert.IsNull(financeGpus.ProblemParameter(403));
        Assert.AreEqual(200, sreFleet.Status);
        Assert.AreEqual(3, sreGpus.Json.GetProperty("total").GetInt32());
        CollectionAssert.AreEqual(new[] { "llm", "vision" }, Keys(sreEnergy), "a fleet role sees every team");
    }

    [TestMethod]
    public async Task ACallerMappedToNoTeamIsForbidden()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(Apis.Scoping()), $"/api/energy?{Range}", Principals.Header("mallory@example.com"));

        Assert.IsNull(answer.ProblemParameter(403));
        StringAssert.Contains(answer.Json.GetProperty("detail").GetString(), "No cost centre");
    }

    [TestMethod]
    public async Task ScopedCallersSeeTheAlertsOfTheirTeams()
    {
        using var apis = new Apis();
        using var outbox = new TempDirectory();
        using var services = WasteAndAlertsTests.AlertingServices(outbox.Path);
        var pipeline = services.GetRequiredService<AlertPipeline>();
        pipeline.Observe(SampleFleet.Window(0, xid: 79));
        var api = apis.Open(Apis.Scoping(), pipeline);

        var llm = await ApiCall.GetAsync(api, "/api/alerts", FinanceLlm);
        var vision = await ApiCall.GetAsync(api, "/api/alerts", VisionMember);
        var sre = await ApiCall.GetAsync(api, "/api/alerts", Sre);

        Assert.IsTrue(llm.Json.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("labels").GetProperty("alertname").GetString() == "GpuCriticalXid"));
        Assert.IsFalse(vision.Json.GetProperty("alerts").EnumerateArray().Any(a => a.GetProperty("labels").GetProperty("alertname").GetString() == "GpuCriticalXid"));
        Assert.AreEqual(pipeline.Open.Count, sre.Json.GetProperty("alerts").GetArrayLength());
    }

    [TestMethod]
    public async Task WithScopingOffNoPrincipalIsNeeded()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/fleet", Convert.ToBase64String(Encoding.UTF8.GetBytes("ignored")));

        Assert.AreEqual(200, answer.Status);
    }

    private static string[] Keys(Answer answer) =>
        [.. answer.Json.GetProperty("groups").EnumerateArray().Select(g => g.GetProperty("key").GetString()!)];
}
