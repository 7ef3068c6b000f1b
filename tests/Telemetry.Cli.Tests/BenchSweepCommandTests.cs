using System.Text.Json.Nodes;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class BenchSweepCommandTests
{
    private static readonly int[] Lingers = [0, 5, 20, 50];
    private static readonly string[] Codecs = ["none", "lz4", "zstd"];
    private static readonly int[] RowsPerMessage = [1, 8, 40];

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
            Assert.AreEqual("default", (string)figures[0]!["key"]!);
            AssertEachValueOfEachFactorOnceBesideTheDefaults(figures.Select(f => f!["setting"]!).ToList());
            Assert.HasCount(8, figures);
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

    // The default, then each setting one factor away from it, whatever the defaults are.
    private static void AssertEachValueOfEachFactorOnceBesideTheDefaults(List<JsonNode> settings)
    {
        var defaults = settings[0];
        foreach (var linger in Lingers)
        {
            Assert.AreEqual(1, settings.Count(s => Same(s, defaults, "compression", "rows_per_message") && (int)s["linger_ms"]! == linger), $"linger {linger} ms");
        }

        foreach (var codec in Codecs)
        {
            Assert.AreEqual(1, settings.Count(s => Same(s, defaults, "linger_ms", "rows_per_message") && (string)s["compression"]! == codec), codec);
        }

        foreach (var rows in RowsPerMessage)
        {
            Assert.AreEqual(1, settings.Count(s => Same(s, defaults, "compression", "linger_ms") && (int)s["rows_per_message"]! == rows), $"{rows} rows");
        }
    }

    private static bool Same(JsonNode setting, JsonNode defaults, params string[] names) =>
        names.All(name => JsonNode.DeepEquals(setting[name], defaults[name]));
}
