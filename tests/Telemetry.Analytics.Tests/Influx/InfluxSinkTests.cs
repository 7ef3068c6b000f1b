using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Tests.Queries;
using Telemetry.Testing.Queries;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using Telemetry.Testing.Influx;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>The InfluxDB sink against a real influxd (Debian's 1.6, behind the v2-write proxy).</summary>
[TestClass]
[DoNotParallelize]
public sealed class InfluxSinkTests : RealInfluxTest
{
    [TestMethod]
    public async Task AWindowReadsBackWithExactValues()
    {
        using var dir = new TempDirectory();
        using var sink = Sink(dir.Path);

        await sink.WriteAsync(InfluxPointsTests.Window(), null, CancellationToken.None);

        var gpu = Assert.ContainsSingle(await Server.QueryAsync("SELECT * FROM \"gpu_window\" WHERE \"gpu\" = '0'"));
        Assert.AreEqual(T0, gpu.Value(0, "time").GetInt64());
        Assert.AreEqual(36_012.345, gpu.Value(0, "energy_j").GetDouble());
        Assert.AreEqual(35_990.1, gpu.Value(0, "energy_integrated_j").GetDouble());
        Assert.AreEqual(0.9875, gpu.Value(0, "coverage").GetDouble());
        Assert.AreEqual(12, gpu.Value(0, "samples").GetInt64());
        Assert.AreEqual("job-1", gpu.Value(0, "job_id").GetString());
        Assert.AreEqual("productive", gpu.Value(0, "state").GetString());
        Assert.AreEqual("node-1", gpu.Value(0, "node").GetString());
        var job = Assert.ContainsSingle(await Server.QueryAsync("SELECT * FROM \"job_window\" WHERE \"job\" = 'job-1'"));
        Assert.AreEqual(1_000_001, job.Value(0, "tokens").GetInt64());
        Assert.AreEqual(1_234.5678, job.Value(0, "tflop").GetDouble());
        Assert.AreEqual("llm", job.Value(0, "team").GetString());
        Assert.AreEqual(sink.Counters.PointsWritten, await CountAsync(), "every point acknowledged is in the server");
        Assert.AreEqual(0, sink.Counters.DeadLettered);
    }

    [TestMethod]
    public async Task AReplayOverwritesWithIdenticalPoints()
    {
        using var dir = new TempDirectory();
        using var sink = Sink(dir.Path);
        await sink.WriteAsync(InfluxPointsTests.Window(), null, CancellationToken.None);
        var first = await SnapshotAsync();

        await sink.WriteAsync(InfluxPointsTests.Window(), null, CancellationToken.None);

        Assert.AreEqual(2 * (await CountAsync()), sink.Counters.PointsWritten, "the replay sent every point again");
        CollectionAssert.AreEqual(first, await SnapshotAsync(), "and the server holds exactly what it held");
    }

    [TestMethod]
    public async Task NaNInfinityAndHostileTagsNeitherBreakTheBatchNorInjectAPoint()
    {
        using var dir = new TempDirectory();
        using var sink = Sink(dir.Path);
        var window = InfluxPointsTests.Window();
        window = window with
        {
            Gpus = [window.Gpus[0] with { Node = "rack 1,node=2", PowerMean = double.NaN, Tflop = double.PositiveInfinity }, window.Gpus[1]],
            Jobs = [window.Jobs[0], window.Jobs[1] with { Team = "vision\nevil,team=x f=1 1" }],
        };

        await sink.WriteAsync(window, null, CancellationToken.None);

        var nodes = Assert.ContainsSingle(await Server.QueryAsync("SHOW TAG VALUES FROM \"gpu_window\" WITH KEY = \"node\""));
        CollectionAssert.AreEquivalent(new[] { "rack 1,node=2", "node-1" }, Enumerable.Range(0, nodes.Rows.Count).Select(i => nodes.Value(i, "value").GetString()).ToArray());
        var teams = Assert.ContainsSingle(await Server.QueryAsync("SHOW TAG VALUES FROM \"job_window\" WITH KEY = \"team\""));
        Assert.AreEqual("llm", Assert.ContainsSingle(Enumerable.Range(0, teams.Rows.Count).Select(i => teams.Value(i, "value").GetString())));
        Assert.AreEqual(2, sink.Counters.NonFiniteDropped);
        var dead = Assert.ContainsSingle(sink.DeadLetter.Read());
        StringAssert.Contains(dead.Reason, "tag 'team'");
        var measurements = await Server.QueryAsync("SHOW MEASUREMENTS");
        Assert.IsFalse(measurements.SelectMany(m => Enumerable.Range(0, m.Rows.Count).Select(i => m.Value(i, "name").GetString())).Any(n => n is "evil" or "f=1"), "no injected measurement");
    }

    [TestMethod]
    public async Task ABatchTheServerRejectsGoesToTheDeadLetterFileAndTheRestFlows()
    {
        using var dir = new TempDirectory();
        using var sink = Sink(dir.Path, batchSize: 3);
        // A field written as a string first makes every later integer 'samples' a type conflict: InfluxDB answers 400.
        using (var http = new HttpClient())
        {
            using var conflict = new StringContent($"gpu_window,node=old samples=\"many\" {T0}");
            (await http.PostAsync(new Uri($"{Server.DirectUrl}/write?db={Server.Database}&precision=ms"), conflict)).EnsureSuccessStatusCode();
        }

        await sink.WriteAsync(InfluxPointsTests.Window(), null, CancellationToken.None);

        var dead = sink.DeadLetter.Read();
        Assert.HasCount(2, dead, "both GPU points, found by splitting the batches, and nothing else");
        Assert.IsTrue(dead.All(d => d.Status == 400 && d.Line!.StartsWith("gpu_window,", StringComparison.Ordinal)), string.Join("\n", dead));
        StringAssert.Contains(dead[0].Reason, "conflict");
        Assert.AreEqual(2, (await Server.QueryAsync("SELECT * FROM \"job_window\""))[0].Rows.Count, "the jobs flowed on");
        Assert.IsNotEmpty(await Server.QueryAsync("SELECT * FROM \"fleet_window\""));
    }

    [TestMethod]
    public async Task FiveHundredsAndTooManyRequestsAreRetriedHonouringRetryAfter()
    {
        using var dir = new TempDirectory();
        using var sink = Sink(dir.Path);
        Server.FailNextWrites(2, 503);

        await sink.WriteAsync(InfluxPointsTests.Window(), null, CancellationToken.None);
        Server.FailNextWrites(1, 429, TimeSpan.FromSeconds(1));
        var started = TimeProvider.System.GetTimestamp();
        await sink.WriteAsync(InfluxPointsTests.Window(), null, CancellationToken.None);

        Assert.AreEqual(3, sink.Counters.Retries);
        Assert.IsGreaterThanOrEqualTo(0.9, TimeProvider.System.GetElapsedTime(started).TotalSeconds, "Retry-After: 1 was waited for, not the 20 ms backoff");
        CollectionAssert.AreEqual(new[] { 503, 503, 204, 429, 204 }, Server.WriteStatusCodes.ToArray());
        Assert.IsNotEmpty(await Server.QueryAsync("SELECT * FROM \"fleet_window\""));
    }

    [TestMethod]
    public async Task AServerThatIsDownFailsTheWriteWithinSecondsAndTheSameWindowLandsOnceItIsBack()
    {
        using var dir = new TempDirectory();
        using var sink = Sink(dir.Path);
        await Server.StopAsync();

        var started = TimeProvider.System.GetTimestamp();
        var down = await Assert.ThrowsExactlyAsync<InfluxUnavailableException>(() => sink.WriteAsync(InfluxPointsTests.Window(), null, CancellationToken.None));
        var check = await Assert.ThrowsExactlyAsync<InfluxUnavailableException>(() => sink.CheckAsync(CancellationToken.None));
        Assert.IsLessThan(15, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
        StringAssert.Contains(down.Message, Server.Url);
        StringAssert.Contains(check.Message, "--influx-url");

        await Server.StartAgainAsync();
        await sink.WriteAsync(InfluxPointsTests.Window(), null, CancellationToken.None);
        await sink.CheckAsync(CancellationToken.None);

        Assert.AreEqual(1, (await Server.QueryAsync("SELECT * FROM \"fleet_window\""))[0].Rows.Count);
    }

    [TestMethod]
    public async Task TheInfluxQueryStoreAnswersLikeTheLedger()
    {
        using var dir = new TempDirectory();
        using var sink = Sink(dir.Path);
        var writer = new Telemetry.Analytics.Ledger.LedgerWriter(dir.Path);
        foreach (var window in new[] { InfluxPointsTests.Window(), LedgerQueryStoreTests.Shift(InfluxPointsTests.Window(), 60_000) })
        {
            writer.Write(window);
            await sink.WriteAsync(window, null, CancellationToken.None);
        }

        using var http = new HttpClient();
        var influx = new Telemetry.Analytics.Queries.InfluxQueryStore(http, Options());
        var ledger = new Telemetry.Analytics.Queries.LedgerQueryStore(new Telemetry.Analytics.Ledger.LedgerReader(dir.Path));
        await QueryStoreEquivalence.AssertSameAsync(influx, ledger, new(Start, Start.AddHours(1)), "job-1");
    }

    internal static InfluxOptions Options(int batchSize = 5000) => new()
    {
        Url = Server.Url,
        Token = Server.Token,
        Org = Server.Org,
        Bucket = Server.Bucket,
        BatchSize = batchSize,
        MaxRetries = 3,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromSeconds(2),
        RequestTimeout = TimeSpan.FromSeconds(5),
        ConnectTimeout = TimeSpan.FromSeconds(3),
    };

    private static InfluxWindowSink Sink(string ledger, int batchSize = 5000) =>
        new(Options(batchSize), CostModel.Default(), ledger, NullLogger.Instance, TimeProvider.System);

    private static async Task<long> CountAsync()
    {
        long points = 0;
        foreach (var measurement in InfluxSchema.All)
        {
            foreach (var series in await Server.QueryAsync($"SELECT * FROM \"{measurement.Name}\""))
            {
                points += series.Rows.Count;
            }
        }

        return points;
    }

    private static async Task<List<string>> SnapshotAsync()
    {
        var rows = new List<string>();
        foreach (var measurement in InfluxSchema.All)
        {
            foreach (var series in await Server.QueryAsync($"SELECT * FROM \"{measurement.Name}\""))
            {
                rows.AddRange(series.Rows.Select(r => measurement.Name + r.GetRawText()));
            }
        }

        return rows;
    }
}
