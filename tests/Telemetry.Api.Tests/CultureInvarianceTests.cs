using CsCheck;
using Telemetry.Api.Tests.Support;
using Telemetry.Hostile;

namespace Telemetry.Api.Tests;

/// <summary>
/// Every route reads its query and writes its JSON, CSV and problems the same under German and Turkish as under the
/// invariant culture: a German date or a decimal comma is refused everywhere alike, and the CSV keeps '.' and ','.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CultureInvarianceTests
{
    private const string Range = "from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z";

    private static readonly Gen<string> Value = Gen.OneOf(
        "2026-01-01", "2026-01-01T00:30Z", "2026-01-01T01:30:00%2B01:00", "2026-01-01T00:00:00.5Z", "01.01.2026", "1.1.2026 00:00",
        "2026-01-01T00:00:00,5Z", "١٢", "1", "2", "1.5", "1,5", "1.000", "5000", "idle", "IDLE", "İdle", "allocated-idle",
        "productive", "unallocated-idle", "job", "JOB", "jİb", "site", "SITE", "sıte", "team", "model", "csv", "CSV", "json", "JSON", "jsİn");

    private static readonly Gen<string> Query = Gen.Select(Gen.OneOf("from", "to", "limit", "offset", "state", "by", "format"), Value)
        .Array[0, 4].Select(pairs => string.Join('&', pairs.Select(p => $"{p.Item1}={p.Item2}")));

    [TestMethod]
    [DataRow("/api/fleet")]
    [DataRow("/api/gpus?limit=2&offset=1")]
    [DataRow("/api/gpus?state=unallocated-idle")]
    [DataRow("/api/gpus?state=Unallocated-İdle")]
    [DataRow("/api/gpus?limit=1,5")]
    [DataRow("/api/gpus?limit=١")]
    [DataRow("/api/jobs/job-1?" + Range)]
    [DataRow("/api/jobs/job-2?from=2026-01-01T01:01:00%2B01:00&to=2026-01-01T00:02:00.000Z")]
    [DataRow("/api/jobs/job-1?from=01.01.2026&to=2026-01-01T01:00:00Z")]
    [DataRow("/api/jobs/job-1?from=2026-01-01T00:00:00,5Z")]
    [DataRow("/api/energy?by=job&" + Range)]
    [DataRow("/api/energy?by=SITE&" + Range)]
    [DataRow("/api/energy?by=jİb&" + Range)]
    [DataRow("/api/energy?by=model&format=CSV&" + Range)]
    [DataRow("/api/energy?by=team&format=jsİn&" + Range)]
    [DataRow("/api/waste?limit=5&" + Range)]
    [DataRow("/api/alerts")]
    public async Task ARouteAnswersTheSameUnderEveryCulture(string pathAndQuery)
    {
        using var apis = new Apis();
        var api = apis.Open();

        var answer = await Cultures.SameAsync(async () => Show(await ApiCall.GetAsync(api, pathAndQuery)), pathAndQuery);

        Assert.IsFalse(answer.StartsWith("500", StringComparison.Ordinal), answer);
    }

    [TestMethod]
    public async Task TheEnergyCsvKeepsDecimalPointsAndCommaSeparatorsUnderEveryCulture()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var csv = await Cultures.SameAsync(async () => (await ApiCall.GetAsync(api, $"/api/energy?by=job&format=csv&{Range}")).Body, "the energy CSV");

        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.AreEqual("job,currency,energyJoules,energyKwh,gpuSeconds,tokens,cost", rows[0]);
        Assert.IsTrue(rows.Skip(1).All(r => r.Split(',').Length == 7), csv);
        Assert.IsTrue(rows.Skip(1).Any(r => r.Split(',')[3].Contains('.', StringComparison.Ordinal)), $"energyKwh has a decimal point: {csv}");
    }

    [TestMethod]
    public async Task ARandomQueryIsAnsweredTheSameUnderEveryCulture()
    {
        using var apis = new Apis();
        var api = apis.Open();

        await Gen.Select(Gen.OneOf("/api/gpus", "/api/energy", "/api/waste", "/api/jobs/job-1"), Query).SampleAsync(async (route, query) =>
        {
            var answer = await Cultures.SameAsync(async () => Show(await ApiCall.GetAsync(api, route + "?" + query)), route + "?" + query);

            Assert.IsFalse(answer.StartsWith("500", StringComparison.Ordinal), answer);
        }, iter: HostileRun.Iterations(200), threads: 1);
    }

    private static string Show(Answer answer) => $"{answer.Status} {answer.ContentType}\n{answer.Body}";
}
