using System.Text;
using CsCheck;
using Telemetry.Analytics;
using Telemetry.Hostile;

namespace Telemetry.Cli.Tests;

/// <summary>
/// A valid <c>--config</c> file with random edits: it loads and every section binds and validates, or it is refused
/// the documented way: <see cref="InvalidDataException"/> naming the file when it is not JSON, <see cref="ArgumentException"/>
/// naming the section or setting when a value does not bind or is out of range. Nothing else is thrown.
/// </summary>
[TestClass]
public sealed class AnalyticsConfigurationHostileProperties
{
    private static readonly byte[] Valid = Encoding.UTF8.GetBytes("""
        {
          "Aggregator": { "WindowLength": "00:01:00", "AllowedLateness": "00:00:30", "MaxParkedBatches": 10000 },
          "WasteEpisodes": { },
          "Health": { "MinCoverage": 0.9 },
          "Influx": { "Bucket": "telemetry" }
        }
        """);

    [TestMethod]
    public void TheUneditedFileLoads()
    {
        using var file = new ConfigFile(Valid);

        LoadEverySection(file.Path);
    }

    [TestMethod]
    public void AMutatedConfigurationLoadsOrIsRefusedTheDocumentedWay()
    {
        using var file = new ConfigFile([]);

        Mutation.Of(Valid, maxEdits: 4, maxRun: 20_000).Sample(json => HostileRun.Bounded(() =>
        {
            File.WriteAllBytes(file.Path, json);
            try
            {
                LoadEverySection(file.Path);
            }
            catch (InvalidDataException e)
            {
                Assert.Contains(file.Path, e.Message);
            }
            catch (ArgumentException e)
            {
                Assert.IsFalse(string.IsNullOrEmpty(e.Message));
            }
        }, "loading a configuration"), iter: HostileRun.Iterations(300), threads: 1, print: j => Encoding.UTF8.GetString(j));
    }

    [TestMethod]
    [DataRow("#")]
    [DataRow("{A}0")]
    [DataRow("{\"Health\":{\"MinCoverage\":0.5},\"Health\":{\"MinCoverage\":0.6}}")]
    [DataRow("{\"Aggregator\":{\"WindowLength\":\"1e999\"}}")]
    [DataRow("{\"Aggregator\":{\"MaxParkedBatches\":99999999999999999999}}")]
    public void TheNamedSeedsAreRefused(string json)
    {
        using var file = new ConfigFile(Encoding.UTF8.GetBytes(json));

        var e = Assert.Throws<Exception>(() => LoadEverySection(file.Path));

        Assert.IsTrue(e is InvalidDataException or ArgumentException, e.ToString());
    }

    [TestMethod]
    public void AnEmptyObjectLoadsTheDefaults()
    {
        using var file = new ConfigFile("{}"u8.ToArray());

        LoadEverySection(file.Path);
    }

    private static void LoadEverySection(string path)
    {
        var configuration = AnalyticsConfiguration.Load(path);
        configuration.Aggregator(new AggregatorOptions());
        configuration.WasteEpisodes();
        configuration.Health();
        configuration.Influx();
    }

    /// <summary>A configuration file in the temp directory, deleted on dispose.</summary>
    private sealed class ConfigFile : IDisposable
    {
        public ConfigFile(byte[] json) => File.WriteAllBytes(Path, json);

        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"telemetry-config-{Guid.NewGuid():N}.json");

        public void Dispose() => File.Delete(Path);
    }
}
