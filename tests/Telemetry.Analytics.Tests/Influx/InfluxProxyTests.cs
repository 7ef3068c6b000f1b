using System.Net;
using System.Text;
using Telemetry.Testing.Influx;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>The fixture's proxy over plain HTTP: how it reads v2 write parameters, and what it passes to influxd as it is.</summary>
[TestClass]
[DoNotParallelize]
public sealed class InfluxProxyTests : RealInfluxTest
{
    private static readonly HttpClient Http = new();

    [TestMethod]
    [DataRow("ns", 1_000_000_000L)]
    [DataRow("us", 1_000_000L)]
    [DataRow("ms", 1_000L)]
    [DataRow("s", 1L)]
    public async Task EveryV2PrecisionPutsThePointAtItsTime(string precision, long unitsPerSecond)
    {
        var timestamp = At(60) / 1000 * unitsPerSecond;

        using var response = await WriteAsync($"bucket={Server.Bucket}&precision={precision}", $"m f=1i {timestamp}");

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual($"[{At(60)},1]", await RowsAsync("SELECT f FROM m"));
    }

    [TestMethod]
    public async Task ABucketWithoutAPolicyWritesToTheDatabasesDefaultOne()
    {
        using var response = await WriteAsync($"bucket={Server.Database}&precision=ms", $"m f=1i {T0}");

        Assert.AreEqual(HttpStatusCode.NoContent, response.StatusCode);
        Assert.AreEqual($"[{T0},1]", await RowsAsync($"SELECT f FROM \"{Server.Database}\".\"{Server.RetentionPolicy}\".m"));
    }

    [TestMethod]
    [DataRow("bucket=telemetry&precision=h")]
    [DataRow("precision=ms")]
    public async Task AWriteWithoutABucketOrWithAnUnknownPrecisionIsABadRequestThatInfluxdNeverSees(string query)
    {
        using var response = await WriteAsync(query, $"m f=1i {T0}");

        Assert.AreEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.IsFalse(Server.Writes.Single().Forwarded);
        Assert.IsEmpty(await Server.QueryAsync("SELECT f FROM m", TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task QueriesPassThroughWithTheAnswerFormatTheClientAccepts()
    {
        using var written = await WriteAsync($"bucket={Server.Bucket}&precision=ms", $"m f=1i {T0}");
        Assert.AreEqual(HttpStatusCode.NoContent, written.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Server.Url}/query?db={Server.Database}&epoch=ms&q={Uri.EscapeDataString("SELECT f FROM m")}");
        request.Headers.Accept.ParseAdd("application/csv");
        using var response = await Http.SendAsync(request, TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.AreEqual("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.AreEqual($"name,tags,time,f\nm,,{T0},1\n", await response.Content.ReadAsStringAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task HealthPassesWhileInfluxdAnswersItsPing()
    {
        using var response = await Http.GetAsync(new Uri($"{Server.Url}/health"), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"status\":\"pass\"", await response.Content.ReadAsStringAsync(TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task PathsTheProxyDoesNotServeAreNotFound()
    {
        using var response = await Http.PostAsync(new Uri($"{Server.Url}/api/v2/query?org=telemetry"), new StringContent("from(bucket: \"telemetry\")"), TestContext.CancellationToken);

        Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<HttpResponseMessage> WriteAsync(string query, string lines) =>
        await Http.PostAsync(new Uri($"{Server.Url}/api/v2/write?org={Server.Org}&{query}"), new StringContent(lines, Encoding.UTF8, "text/plain"), TestContext.CancellationToken);

    /// <summary>The answer's rows as influxd wrote them, space separated; empty when there are none.</summary>
    private async Task<string> RowsAsync(string influxQl)
    {
        var series = await Server.QueryAsync(influxQl, TestContext.CancellationToken);
        return string.Join(' ', series.SelectMany(s => s.Rows).Select(r => r.GetRawText()));
    }
}
