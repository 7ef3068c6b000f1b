using System.Text.Json.Nodes;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class BenchSweepCommandTests
{
    private static readonly string[] Settings =
        ["default", "linger_0ms", "linger_5ms", "linger_50ms", "compression_none", "compression_zstd", "rows_1", "rows_8"];

    [TestMethod]
    public async Task SweepOnATinyFleetWritesEverySettingsRateAndWireBytesBesideTheDefaultsAsJsonAndMarkdown()
    {
        var directory = Path.Combine(Path.GetTempPath(), "telemetry-sweep-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var json = Path.Combine(directory, "sweep.json");

            var status = await TelemetryApp.Build().RunAsync(["bench", "sweep", "--tiny", "--json", json]);

            Assert.AreEqual(0, status);
            var figures = JsonNode.Parse(File.ReadAllText(json))!["figures"]!.AsArray();
            var markdown = File.ReadAllText(Path.ChangeExtension(json, ".md"));
            CollectionAssert.AreEqual(Settings, figures.Select(f => (string)f!["key"]!).ToList());
            foreach (var figure in figures)
            {
                var key = (string)figure!["key"]!;
                var lossless = figure["lossless"]!;
                // On a loaded machine a tiny rate may not hold (0 samples/s, no ratio): the figure is there all the same.
                Assert.IsGreaterThanOrEqualTo(0, (double)lossless["value"]!, key);
                Assert.IsTrue(figure.AsObject().ContainsKey("rate_vs_default"), key);
                Assert.IsGreaterThan(0, (double)figure["wire_bytes_per_sample"]!, key);
                Assert.IsGreaterThan(0, (double)figure["wire_vs_default"]!, key);
                Assert.IsGreaterThan(0, (double)figure["agent_wire_bytes_per_sample"]!, key);
                Assert.IsGreaterThan(0, (double)figure["agent_wire_vs_default"]!, key);
                Assert.IsNotEmpty(figure["steps"]!.AsArray(), key);
                // A C baseline that did not run (no C compiler, say) must say why.
                Assert.IsTrue(lossless["baseline_value"] is not null || ((string?)lossless["note"])?.Contains("not run", StringComparison.Ordinal) == true, key);
                Assert.Contains((string)lossless["what"]!, markdown, key);
            }

            Assert.AreEqual(1.0, (double)figures[0]!["wire_vs_default"]!);
            Assert.AreEqual(1.0, (double)figures[0]!["agent_wire_vs_default"]!);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
