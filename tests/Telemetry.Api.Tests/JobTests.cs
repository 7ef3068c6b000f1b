using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

[TestClass]
public sealed class JobTests
{
    [TestMethod]
    public async Task AJobHasItsTotalsAndItsSeriesWindowByWindow()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/jobs/job-1?from=2026-01-01&to=2026-01-01T01:00:00Z");

        Assert.AreEqual(200, answer.Status, answer.Body);
        var job = answer.Json;
        Assert.AreEqual("job-1", job.GetProperty("jobId").GetString());
        Assert.AreEqual("llm", job.GetProperty("team").GetString());
        Assert.AreEqual(72_000, job.GetProperty("energyJoules").GetDouble(), 1e-9);
        Assert.AreEqual(2_000_000, job.GetProperty("tokens").GetInt64());
        Assert.AreEqual(2_000_000 / 72_000.0, job.GetProperty("tokensPerJoule").GetDouble(), 1e-12);
        var series = job.GetProperty("series");
        Assert.AreEqual(2, series.GetArrayLength());
        Assert.AreEqual("2026-01-01T00:00:00Z", series[0].GetProperty("windowStart").GetString());
        Assert.AreEqual("2026-01-01T00:01:00Z", series[1].GetProperty("windowStart").GetString());
    }

    [TestMethod]
    public async Task TheRangeDefaultsToTheDayBeforeNow()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var within = await ApiCall.GetAsync(api, "/api/jobs/job-1");
        apis.Clock.Advance(TimeSpan.FromDays(2));
        var after = await ApiCall.GetAsync(api, "/api/jobs/job-1");

        Assert.AreEqual(200, within.Status);
        Assert.AreEqual(404, after.Status, "two days on, the default day holds no window of the job");
    }

    [TestMethod]
    public async Task TimesWithAnOffsetAreTheSameInstantInUtc()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/jobs/job-2?from=2026-01-01T01:01:00%2B01:00&to=2026-01-01T00:02:00.000Z");

        Assert.AreEqual(200, answer.Status, answer.Body);
        Assert.AreEqual(1, answer.Json.GetProperty("series").GetArrayLength(), "from 00:01 UTC: the second window only");
    }

    [TestMethod]
    public async Task AnUnknownJobIsANotFoundProblem()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/jobs/job-9");

        Assert.IsNull(answer.ProblemParameter(404));
        StringAssert.Contains(answer.Json.GetProperty("detail").GetString(), "No job 'job-9'");
    }

    [TestMethod]
    [DataRow("from=yesterday", "from")]
    [DataRow("from=01/01/2026", "from")]
    [DataRow("to=2026-13-01", "to")]
    [DataRow("to=2026-01-01T00:00:00%2B25:00", "to")]
    [DataRow("from=2026-01-02&to=2026-01-01", "to")]
    [DataRow("from=2026-01-01&to=2026-01-01", "to")]
    [DataRow("from=2024-01-01&to=2026-01-01", "from")]
    [DataRow("from=2024-01-01", "from")]
    [DataRow("from=2026-01-01&from=2026-01-02", "from")]
    public async Task BadTimesAreRefusedByName(string query, string parameter)
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/jobs/job-1?" + query);

        Assert.AreEqual(parameter, answer.ProblemParameter(400));
    }

    [TestMethod]
    public async Task APlusSignThatArrivedAsASpaceIsExplained()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/jobs/job-1?from=2026-01-01T01:00:00+01:00");

        Assert.AreEqual("from", answer.ProblemParameter(400));
        StringAssert.Contains(answer.Json.GetProperty("detail").GetString(), "%2B");
    }

    [TestMethod]
    public async Task AnOverlongOrControlCharacterJobIdIsRefusedAsTheId()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var tooLong = await ApiCall.GetAsync(api, "/api/jobs/" + new string('j', 257));
        var control = await ApiCall.GetAsync(api, "/api/jobs/job%0A1");

        Assert.AreEqual("id", tooLong.ProblemParameter(400));
        Assert.AreEqual("id", control.ProblemParameter(400));
    }
}
