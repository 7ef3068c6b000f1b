using System.Globalization;
using CsvHelper;
using Telemetry.Analytics.Queries;
using Telemetry.Api.Responses;
using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

[TestClass]
public sealed class EnergyTests
{
    private const string Range = "from=2026-01-01T00:00:00Z&to=2026-01-01T01:00:00Z";

    [TestMethod]
    public async Task EnergyByTeamCarriesItsRangeAndGroupsLargestFirst()
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/energy?" + Range);

        Assert.AreEqual(200, answer.Status, answer.Body);
        Assert.AreEqual("team", answer.Json.GetProperty("by").GetString(), "team unless told otherwise");
        Assert.AreEqual("2026-01-01T00:00:00Z", answer.Json.GetProperty("from").GetString());
        Assert.AreEqual("2026-01-01T01:00:00Z", answer.Json.GetProperty("to").GetString());
        var groups = answer.Json.GetProperty("groups");
        Assert.AreEqual("llm", groups[0].GetProperty("key").GetString());
        Assert.AreEqual(72_000, groups[0].GetProperty("energyJoules").GetDouble(), 1e-9);
        Assert.AreEqual("vision", groups[1].GetProperty("key").GetString());
        Assert.AreEqual("USD", groups[1].GetProperty("currency").GetString());
    }

    [TestMethod]
    [DataRow("team", "llm")]
    [DataRow("job", "job-1")]
    [DataRow("model", "NVIDIA H100 80GB HBM3")]
    [DataRow("site", "default")]
    [DataRow("JOB", "job-1")]
    public async Task EnergyGroupsByEachDimension(string by, string largest)
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), $"/api/energy?by={by}&{Range}");

        Assert.AreEqual(200, answer.Status, answer.Body);
        Assert.AreEqual(by.ToLowerInvariant(), answer.Json.GetProperty("by").GetString());
        Assert.AreEqual(largest, answer.Json.GetProperty("groups")[0].GetProperty("key").GetString());
    }

    [TestMethod]
    public async Task TheCsvHasAHeaderRowAndParsesBackToTheJsonRows()
    {
        using var apis = new Apis();
        var api = apis.Open();

        var json = await ApiCall.GetAsync(api, $"/api/energy?by=job&{Range}");
        var csv = await ApiCall.GetAsync(api, $"/api/energy?by=job&{Range}&format=csv");

        Assert.AreEqual(200, csv.Status);
        Assert.AreEqual("text/csv; charset=utf-8", csv.ContentType);
        StringAssert.Contains(csv.Headers.ContentDisposition.ToString(), "energy-by-job.csv");
        using var reader = new CsvReader(new StringReader(csv.Body), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        CollectionAssert.AreEqual(new[] { "job", "currency", "energyJoules", "energyKwh", "gpuSeconds", "tokens", "cost" }, reader.HeaderRecord);
        var rows = json.Json.GetProperty("groups").EnumerateArray().ToList();
        foreach (var row in rows)
        {
            Assert.IsTrue(reader.Read());
            Assert.AreEqual(row.GetProperty("key").GetString(), reader.GetField("job"));
            Assert.AreEqual(row.GetProperty("currency").GetString(), reader.GetField("currency"));
            Assert.AreEqual(row.GetProperty("energyJoules").GetDouble(), reader.GetField<double>("energyJoules"));
            Assert.AreEqual(row.GetProperty("energyJoules").GetDouble() / 3.6e6, reader.GetField<double>("energyKwh"), 1e-12);
            Assert.AreEqual(row.GetProperty("gpuSeconds").GetDouble(), reader.GetField<double>("gpuSeconds"));
            Assert.AreEqual(row.GetProperty("tokens").GetInt64(), reader.GetField<long>("tokens"));
            Assert.AreEqual(row.GetProperty("cost").GetDouble(), reader.GetField<double>("cost"));
        }

        Assert.IsFalse(reader.Read(), "one CSV row per JSON row");
        Assert.HasCount(2, rows);
    }

    [TestMethod]
    public void ACsvCellAFormulaCouldHideInIsEscapedAndNumbersAreInvariant()
    {
        var text = EnergyCsv.Write("team", [new GroupEnergy("=HYPERLINK(\"http://x\")", "EUR", 1234.5, 60, 7, 0.25)]);

        using var reader = new CsvReader(new StringReader(text), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        reader.Read();
        Assert.IsFalse(reader.GetField("team")!.StartsWith('='), reader.GetField("team"));
        Assert.AreEqual("1234.5", reader.GetField("energyJoules"));
        Assert.AreEqual("0.25", reader.GetField("cost"));
    }

    [TestMethod]
    [DataRow("by=node", "by")]
    [DataRow("by=1", "by")]
    [DataRow("by=", "by")]
    [DataRow("format=xml", "format")]
    [DataRow("format=csv&format=json", "format")]
    [DataRow("from=2026-01-01T00:00", "from")]
    public async Task BadEnergyParametersAreRefusedByName(string query, string parameter)
    {
        using var apis = new Apis();

        var answer = await ApiCall.GetAsync(apis.Open(), "/api/energy?" + query);

        Assert.AreEqual(parameter, answer.ProblemParameter(400));
    }
}
