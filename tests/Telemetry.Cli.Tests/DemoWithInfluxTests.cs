using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Monitoring;
using Telemetry.Analytics.Queries;
using Telemetry.Api;
using Telemetry.Cli.Demo;
using Telemetry.Testing.Influx;
using Telemetry.Testing.Metrics;
using Telemetry.Testing.Queries;

namespace Telemetry.Cli.Tests;

/// <summary>
/// A simulated hour through the whole pipeline into a real InfluxDB, which is killed while windows are being written
/// and started again: every window the ledger has must be in InfluxDB, with the same values.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class DemoWithInfluxTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static InfluxServer _server = null!;
    private static InfluxWindowSink _sink = null!;
    private static DemoResult _result = null!;
    private static string _ledger = null!;
    private static int _outages;
    private static AggregatorMetrics _metrics = null!;

    [ClassInitialize]
    public static async Task RunAnHourWithAnInfluxOutage(TestContext context)
    {
        _server = await InfluxServer.StartAsync(cancellationToken: context.CancellationToken);
        _ledger = Path.Combine(Path.GetTempPath(), "telemetry-influx-e2e-" + Guid.NewGuid().ToString("N"));
        _sink = new InfluxWindowSink(
            new InfluxOptions { Url = _server.Url, Token = _server.Token, Org = _server.Org, Bucket = _server.Bucket, BatchSize = 500, MaxRetries = 2, RetryDelay = TimeSpan.FromMilliseconds(50), ConnectTimeout = TimeSpan.FromSeconds(3) },
            CostModel.Default(), _ledger, NullLogger.Instance, TimeProvider.System);
        await _sink.CheckAsync(context.CancellationToken);
        var options = new DemoOptions
        {
            Nodes = 4,
            GpusPerNode = 8,
            Duration = TimeSpan.FromHours(1),
            // Paced (an hour in about 6 s): unpaced, the agents can outrun the consumer by more than the mock cluster's
            // 5 MiB per partition, which then drops the oldest messages before they are read (counted as lost).
            Speed = 600,
            Seed = 11,
            Start = Start,
            LedgerDirectory = _ledger,
            Partitions = 4,
            Influx = _sink,
            Metrics = _metrics = new AggregatorMetrics(),
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(4));
        Task? outage = null;
        void KillOnceWindowsFlow(DemoProgress progress)
        {
            if (progress.WindowsClosed >= 5 && Interlocked.Exchange(ref _outages, 1) == 0)
            {
                outage = Task.Run(async () =>
                {
                    await _server.StopAsync();
                    await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
                    await _server.StartAgainAsync(timeout.Token);
                });
            }
        }

        _result = await new DemoPipeline(NullLoggerFactory.Instance, TimeProvider.System).RunAsync(options, KillOnceWindowsFlow, timeout.Token);
        if (outage is not null)
        {
            await outage;
        }
    }

    [ClassCleanup]
    public static async Task Cleanup()
    {
        _sink?.Dispose();
        _metrics?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_ledger is not null && Directory.Exists(_ledger))
        {
            Directory.Delete(_ledger, recursive: true);
        }
    }

    [TestMethod]
    public void TheServerWasDownWhileWindowsWereWritten()
    {
        Assert.AreEqual(1, _outages, "the outage happened during the run");
        Assert.IsGreaterThan(0, _sink.Counters.Retries, "writes failed meanwhile and were retried");
        Assert.AreEqual(0, _result.Report.Samples!.Lost, $"produced {_result.Report.Samples.Produced}, aggregated {_result.Report.Samples.Aggregated}, late {_result.Report.Samples.Late}");
    }

    [TestMethod]
    public async Task MetricsEndpointReportsWhatTheInfluxSinkWroteRetriedAndHowLongItTook()
    {
        var api = new TelemetryApi(new LedgerQueryStore(new LedgerReader(_ledger)), TimeProvider.System);
        await using var host = await LocalApiHost.StartAsync(api, 0, new LocalApiHostOptions { Metrics = _metrics.Meter }, CancellationToken.None);
        using var http = new HttpClient();

        var scrape = await PrometheusScrape.GetAsync(http, new Uri(host.Url + "/metrics"));

        var counters = _sink.Counters;
        Assert.IsGreaterThan(0, counters.Windows);
        Assert.AreEqual(counters.Windows, scrape.Count("telemetry_aggregator_sink_windows_total", ("sink", "influxdb")));
        Assert.AreEqual(counters.PointsWritten, scrape.Count("telemetry_aggregator_influxdb_points_total", ("outcome", "written")));
        Assert.AreEqual(counters.DeadLettered, scrape.Count("telemetry_aggregator_influxdb_points_total", ("outcome", "dead_lettered")));
        Assert.AreEqual(counters.Retries, scrape.Count("telemetry_aggregator_influxdb_retries_total"));
        Assert.AreEqual(counters.WindowLatency.TotalSeconds, scrape.Value("telemetry_aggregator_sink_write_time_seconds_total", ("sink", "influxdb"))!.Value, 1e-6);
        Assert.AreEqual(counters.LastWindowLatency.TotalSeconds, scrape.Value("telemetry_aggregator_sink_write_last_seconds", ("sink", "influxdb"))!.Value, 1e-6);
        var (missing, unshown) = SelfMetricsDashboard.Compare(scrape, "telemetry_aggregator_");
        Assert.IsEmpty(missing, "selected on the dashboard but not served: " + string.Join("; ", missing));
        Assert.IsEmpty(unshown, "served but on no panel: " + string.Join(", ", unshown));
    }

    [TestMethod]
    public async Task EveryGpuWindowOfTheLedgerIsInInfluxWithTheSameValues()
    {
        var ledger = new LedgerReader(_ledger).GpuWindows().ToDictionary(g => (g.WindowStart, g.GpuUuid));
        var series = await _server.QueryAsync("SELECT \"energy_j\", \"samples\", \"busy_s\", \"tflop\", \"uuid\" FROM \"gpu_window\"");
        var rows = series.SelectMany(s => Enumerable.Range(0, s.Rows.Count).Select(i => (
            Key: (s.Value(i, "time").GetInt64(), s.Value(i, "uuid").GetString()!),
            Energy: s.Value(i, "energy_j").GetDouble(), Samples: s.Value(i, "samples").GetInt32(), Busy: s.Value(i, "busy_s").GetDouble(), Tflop: s.Value(i, "tflop").GetDouble()))).ToList();

        Assert.HasCount(ledger.Count, rows, "no window missing, none doubled");
        Assert.IsGreaterThan(60 * 32 - 33, ledger.Count, "an hour of windows for 32 GPUs");
        foreach (var row in rows)
        {
            var expected = ledger[row.Key];
            Assert.AreEqual(expected.EnergyJoules, row.Energy, $"{row.Key}");
            Assert.AreEqual(expected.Samples, row.Samples, $"{row.Key}");
            Assert.AreEqual(expected.BusySeconds, row.Busy, $"{row.Key}");
            Assert.AreEqual(expected.Tflop, row.Tflop, $"{row.Key}");
        }
    }

    [TestMethod]
    public async Task EveryJobWindowOfTheLedgerIsInInfluxWithTheSameValues()
    {
        var ledger = new LedgerReader(_ledger).JobWindows().ToDictionary(j => (j.WindowStart, j.JobId));
        var series = await _server.QueryAsync("SELECT \"energy_j\", \"tokens\", \"gpu_seconds\", \"job\" FROM \"job_window\"");
        var rows = series.SelectMany(s => Enumerable.Range(0, s.Rows.Count).Select(i => (
            Key: (s.Value(i, "time").GetInt64(), s.Value(i, "job").GetString()!),
            Energy: s.Value(i, "energy_j").GetDouble(), Tokens: s.Value(i, "tokens").GetInt64(), GpuSeconds: s.Value(i, "gpu_seconds").GetDouble()))).ToList();

        Assert.HasCount(ledger.Count, rows);
        foreach (var row in rows)
        {
            var expected = ledger[row.Key];
            Assert.AreEqual(expected.EnergyJoules, row.Energy, $"{row.Key}");
            Assert.AreEqual(expected.Tokens, row.Tokens, $"{row.Key}");
            Assert.AreEqual(expected.GpuSeconds, row.GpuSeconds, $"{row.Key}");
        }

        var fleet = Assert.ContainsSingle(await _server.QueryAsync("SELECT \"energy_j\" FROM \"fleet_window\""));
        Assert.HasCount(new LedgerReader(_ledger).FleetWindows().Count(), fleet.Rows);
    }

    [TestMethod]
    public async Task TheApiAnswersFromInfluxAsFromTheLedger()
    {
        var tokens = _result.Truth.Values.First(t => t.Tokens > 0).Job.Id;
        using var http = new HttpClient();
        var influx = new InfluxQueryStore(http, new InfluxOptions { Url = _server.Url, Token = _server.Token, Org = _server.Org, Bucket = _server.Bucket });
        var ledger = new LedgerQueryStore(new LedgerReader(_ledger));

        await QueryStoreEquivalence.AssertSameAsync(influx, ledger, new TimeRange(Start, Start.AddHours(2)), tokens);
        var waste = await influx.TopWasteAsync(new TimeRange(Start, Start.AddHours(2)), 5, CancellationToken.None);
        Assert.IsNotEmpty(waste, "the simulated fleet wastes GPUs");
    }
}
