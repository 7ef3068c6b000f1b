using System.Text.Json.Nodes;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class BenchPipelineCommandTests
{
    private static readonly string[] Figures = ["decode", "reduction_64", "memory_per_gpu_64", "duckdb_64", "allocated_per_sample", "backlog_drain", "backlog_drain_none", "backlog_drain_zstd", "lossless_rate", "lossless_rate_8_rows"];

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
}
