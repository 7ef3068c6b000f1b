using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Telemetry.Testing.Influx;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed partial class BenchPipelineCommandTests
{
    private static readonly string[] Figures = ["decode", "reduction_64", "memory_per_gpu_64", "reduction_64_2_instances", "duckdb_64", "duckdb_subset_64", "reduction_64_messages", "allocated_per_sample", "backlog_drain", "backlog_drain_none", "backlog_drain_zstd", "lossless_rate", "lossless_rate_8_rows", "fleet_scale_1", "fleet_scale_2", "influx_sink"];

    private static readonly string[] InfluxFigures = ["influx_sink", "influx_sink_500", "influx_sink_500_plain", "influx_sink_5000_plain", "influx_sink_20000", "influx_sink_20000_plain"];

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task BenchOnATinyFleetWritesEveryFigureBesideItsBaselineAsJsonAndMarkdown()
    {
        var directory = Path.Combine(Path.GetTempPath(), "telemetry-bench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var json = Path.Combine(directory, "bench.json");

            var status = await TelemetryApp.Build().RunAsync(["bench", "--tiny", "--json", json]);

            Assert.AreEqual(0, status);
            var figures = JsonNode.Parse(File.ReadAllText(json))!["figures"]!.AsArray();
            var markdown = File.ReadAllText(Path.ChangeExtension(json, ".md"));
            CollectionAssert.AreEquivalent(Figures, figures.Select(f => (string)f!["key"]!).ToList());
            foreach (var figure in figures)
            {
                var key = (string)figure!["key"]!;
                Assert.IsGreaterThanOrEqualTo(0, (double)figure["value"]!, key);
                Assert.IsFalse(string.IsNullOrWhiteSpace((string?)figure["baseline"]), key);
                // A baseline that did not run (no C compiler, say) must say why.
                Assert.IsTrue(figure["baseline_value"] is not null || ((string?)figure["note"])?.Contains("not run", StringComparison.Ordinal) == true, key);
                Assert.Contains((string)figure["what"]!, markdown, key);
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [TestMethod]
    public async Task BenchWithAnInfluxUrlCountsOnlyPointsTheRealServerHolds()
    {
        await using var server = await InfluxServer.StartAsync(cancellationToken: TestContext.CancellationToken);
        var json = Path.Combine(Path.GetTempPath(), "telemetry-bench-influx-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var status = await TelemetryApp.Build().RunAsync(["bench", "--tiny", "--json", json, "--influx-url", server.Url, "--influx-bucket", server.Bucket]);

            Assert.AreEqual(0, status);
            var figures = JsonNode.Parse(File.ReadAllText(json))!["figures"]!.AsArray()
                .Where(f => ((string)f!["key"]!).StartsWith("influx_sink", StringComparison.Ordinal)).ToList();
            CollectionAssert.AreEquivalent(InfluxFigures, figures.Select(f => (string)f!["key"]!).ToList());
            var written = 0L;
            foreach (var figure in figures)
            {
                var key = (string)figure!["key"]!;
                Assert.IsGreaterThan(0, (double)figure["value"]!, key);
                Assert.IsGreaterThan(0, (double)figure["baseline_value"]!, key);
                Assert.IsTrue((bool)figure["goal_met"]!, $"{key}: {figure["note"]}");
                var counts = Counts().Match((string)figure["note"]!);
                Assert.IsTrue(counts.Success, $"{key}: {figure["note"]}");
                written += Number(counts.Groups["ours"]) + Number(counts.Groups["baseline"]);
            }

            Assert.AreEqual(written, await PointsInAsync(server));
        }
        finally
        {
            File.Delete(json);
            File.Delete(Path.ChangeExtension(json, ".md"));
        }
    }

    // Every point of every measurement, counted apart from the benchmark's own count: its most frequent field's count.
    private async Task<long> PointsInAsync(InfluxServer server)
    {
        var series = await server.QueryAsync("SELECT count(*) FROM /.*/", TestContext.CancellationToken);
        return series.Sum(s => s.Rows.Sum(row => row.EnumerateArray().Skip(1).Select(v => v.ValueKind == System.Text.Json.JsonValueKind.Number ? v.GetInt64() : 0).Max()));
    }

    private static long Number(Group group) => long.Parse(group.Value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^(?<ours>[\d,]+) points written, .*\(baseline: (?<baseline>[\d,]+) written")]
    private static partial Regex Counts();
}
