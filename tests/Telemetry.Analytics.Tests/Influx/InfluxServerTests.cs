using System.Net;
using System.Net.Sockets;
using InfluxDB.Client;
using InfluxDB.Client.Api.Domain;
using InfluxDB.Client.Core.Exceptions;
using InfluxDB.Client.Writes;
using Telemetry.Testing.Influx;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>The InfluxDB fixture: the real v2 client writes through the fixture's proxy into a real influxd 1.6.</summary>
[TestClass]
[DoNotParallelize]
public sealed class InfluxServerTests : RealInfluxTest
{
    [TestMethod]
    public async Task PointsWrittenByTheV2ClientReadBackWithTheirValuesAndMillisecondTimes()
    {
        using var client = Client(Server);

        await client.GetWriteApiAsync().WritePointsAsync(TwoGpuWindows(), Server.Bucket, Server.Org, TestContext.CancellationToken);

        AssertTwoGpuWindows(await Server.QueryAsync("SELECT * FROM gpu_window", TestContext.CancellationToken));
        var write = Server.Writes.Single();
        Assert.AreEqual(new InfluxWriteRequest(204, "ms", "identity", write.BodyBytes, Forwarded: true), write);
    }

    [TestMethod]
    public async Task GzippedPointsReadBackTheSame()
    {
        using var client = Client(Server);
        client.EnableGzip();

        await client.GetWriteApiAsync().WritePointsAsync(TwoGpuWindows(), Server.Bucket, Server.Org, TestContext.CancellationToken);

        AssertTwoGpuWindows(await Server.QueryAsync("SELECT * FROM gpu_window", TestContext.CancellationToken));
        Assert.AreEqual("gzip", Server.Writes.Single().ContentEncoding);
    }

    [TestMethod]
    public async Task AFieldTypeConflictIsABadRequestAndKeepsTheFirstPoint()
    {
        using var client = Client(Server);
        var writes = client.GetWriteApiAsync();
        await writes.WriteRecordAsync($"m f=1i {T0}", WritePrecision.Ms, Server.Bucket, Server.Org, TestContext.CancellationToken);

        var conflict = await Assert.ThrowsExactlyAsync<BadRequestException>(() =>
            writes.WriteRecordAsync($"m f=\"x\" {At(1)}", WritePrecision.Ms, Server.Bucket, Server.Org, TestContext.CancellationToken));

        Assert.AreEqual(400, conflict.Status);
        Assert.Contains("field type conflict", conflict.Message);
        var series = (await Server.QueryAsync("SELECT f FROM m", TestContext.CancellationToken)).Single();
        Assert.AreEqual($"[{T0},1]", string.Join(' ', series.Rows.Select(r => r.GetRawText())));
    }

    [TestMethod]
    public async Task InjectedFailuresAnswerTheNextWritesAndThenWritesGoThrough()
    {
        using var client = Client(Server);
        var writes = client.GetWriteApiAsync();
        Server.FailNextWrites(2, 503);

        await Assert.ThrowsExactlyAsync<ServiceUnavailableException>(() => WriteAsync(writes, $"m f=1i {At(1)}"));
        await Assert.ThrowsExactlyAsync<ServiceUnavailableException>(() => WriteAsync(writes, $"m f=2i {At(2)}"));
        await WriteAsync(writes, $"m f=3i {At(3)}");

        CollectionAssert.AreEqual(new[] { 503, 503, 204 }, Server.WriteStatusCodes.ToArray());
        var series = (await Server.QueryAsync("SELECT f FROM m", TestContext.CancellationToken)).Single();
        Assert.AreEqual($"[{At(3)},3]", string.Join(' ', series.Rows.Select(r => r.GetRawText())));
    }

    [TestMethod]
    public async Task AnInjectedFailureSendsRetryAfterInWholeSeconds()
    {
        using var client = Client(Server);
        Server.FailNextWrites(1, 429, retryAfter: TimeSpan.FromSeconds(1.5));

        var failure = await Assert.ThrowsExactlyAsync<TooManyRequestsException>(() => WriteAsync(client.GetWriteApiAsync(), $"m f=1i {T0}"));

        Assert.AreEqual(2, failure.RetryAfter);
        Assert.IsFalse(Server.Writes.Single().Forwarded);
    }

    [TestMethod]
    public async Task AWriteHeldLongerThanTheClientWaitsTimesOutAndTheNextGoesThrough()
    {
        using var client = Client(Server, timeout: TimeSpan.FromMilliseconds(300));
        var writes = client.GetWriteApiAsync();
        Server.DelayNextWrites(1, TimeSpan.FromSeconds(30));

        var timeout = await Assert.ThrowsExactlyAsync<HttpException>(() => WriteAsync(writes, $"m f=1i {At(1)}"));
        await WriteAsync(writes, $"m f=2i {At(2)}");

        Assert.IsInstanceOfType<OperationCanceledException>(timeout.InnerException, timeout.ToString());
        Assert.AreEqual(2, Server.WriteRequestCount);
        var series = (await Server.QueryAsync("SELECT f FROM m", TestContext.CancellationToken)).Single();
        Assert.AreEqual($"[{At(2)},2]", string.Join(' ', series.Rows.Select(r => r.GetRawText())));
    }

    [TestMethod]
    public async Task DataSurvivesAStopAndAWriteWhileStoppedFailsAtOnce()
    {
        await using var server = await InfluxServer.StartAsync("restarts", TestContext.CancellationToken);
        // A hang would end in the client's own timeout, with an OperationCanceledException inside, not a refused connection.
        using var client = Client(server, timeout: TimeSpan.FromSeconds(10));
        var writes = client.GetWriteApiAsync();
        await writes.WritePointsAsync(TwoGpuWindows(), server.Bucket, server.Org, TestContext.CancellationToken);

        await server.StopAsync();
        var refused = await Assert.ThrowsExactlyAsync<HttpException>(() =>
            writes.WriteRecordAsync($"m f=1i {T0}", WritePrecision.Ms, server.Bucket, server.Org, TestContext.CancellationToken));
        await server.StartAgainAsync(TestContext.CancellationToken);

        Assert.IsInstanceOfType<HttpRequestException>(refused.InnerException, refused.ToString());
        AssertTwoGpuWindows(await server.QueryAsync("SELECT * FROM gpu_window", TestContext.CancellationToken));
        await writes.WriteRecordAsync($"m f=1i {T0}", WritePrecision.Ms, server.Bucket, server.Org, TestContext.CancellationToken);
        Assert.HasCount(1, await server.QueryAsync("SELECT f FROM m", TestContext.CancellationToken));
    }

    [TestMethod]
    public async Task AServerThatCannotStartSaysWhyWithTheEndOfItsLog()
    {
        await using var server = await InfluxServer.StartAsync("blocked", TestContext.CancellationToken);
        await server.StopAsync();
        using var squatter = new TcpListener(IPAddress.Loopback, new Uri(server.DirectUrl).Port);
        squatter.Start();

        var failure = await Assert.ThrowsExactlyAsync<InvalidOperationException>(() => server.StartAgainAsync(TestContext.CancellationToken));

        Assert.Contains("address already in use", failure.Message);
        Assert.IsFalse(server.IsRunning);
    }

    private Task WriteAsync(WriteApiAsync writes, string line) =>
        writes.WriteRecordAsync(line, WritePrecision.Ms, Server.Bucket, Server.Org, TestContext.CancellationToken);

    private static InfluxDBClient Client(InfluxServer server, TimeSpan? timeout = null) =>
        new(new InfluxDBClientOptions(server.Url)
        {
            Token = server.Token,
            Org = server.Org,
            Bucket = server.Bucket,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
        });

    private static PointData[] TwoGpuWindows() =>
    [
        PointData.Measurement("gpu_window").Tag("node", H100.Node).Tag("gpu", "0")
            .Field("power_mean_w", 612.5).Field("samples", 12L).Field("state", "productive").Timestamp(T0, WritePrecision.Ms),
        PointData.Measurement("gpu_window").Tag("node", H100.Node).Tag("gpu", "1")
            .Field("power_mean_w", 88.25).Field("samples", 11L).Field("state", "unallocated-idle").Timestamp(At(60.5), WritePrecision.Ms),
    ];

    private static void AssertTwoGpuWindows(IReadOnlyList<InfluxSeries> result)
    {
        var series = result.Single();
        Assert.AreEqual("gpu_window", series.Name);
        CollectionAssert.AreEqual(new[] { "time", "gpu", "node", "power_mean_w", "samples", "state" }, series.Columns.ToArray());
        Assert.AreEqual($"[{T0},\"0\",\"node-1\",612.5,12,\"productive\"]", series.Rows[0].GetRawText());
        Assert.AreEqual($"[{At(60.5)},\"1\",\"node-1\",88.25,11,\"unallocated-idle\"]", series.Rows[1].GetRawText());
        Assert.HasCount(2, series.Rows);
    }
}
