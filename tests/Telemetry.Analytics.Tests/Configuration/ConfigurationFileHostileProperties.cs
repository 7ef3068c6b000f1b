using System.Text;
using CsCheck;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Hostile;

namespace Telemetry.Analytics.Tests.Configuration;

/// <summary>
/// The example cost configuration and GPU model table with random edits, written to real files: each loads into
/// settings that pass their checks, or is refused with the documented exception
/// (<see cref="CostConfigurationException"/>, <see cref="InvalidDataException"/>) whose message names the file.
/// </summary>
[TestClass]
public sealed class ConfigurationFileHostileProperties
{
    private static readonly byte[] CostExample = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Costing", "cost.example.json"));

    private static readonly byte[] ModelTable = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Gpus", "gpu-models.json"));

    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public void AMutatedCostConfigurationLoadsValidOrIsRefusedNamingTheFile()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(Directory.CreateDirectory(directory.Path).FullName, "cost.json");

        Mutation.Of(CostExample, maxEdits: 4).Sample(json => HostileRun.Bounded(() =>
        {
            File.WriteAllBytes(path, json);
            try
            {
                CostOptions.Load(path).Validate();
            }
            catch (CostConfigurationException e)
            {
                Assert.StartsWith(path, e.Message);
                Assert.IsNotEmpty(e.Problems);
            }
        }, "loading a cost configuration"), iter: HostileRun.Iterations(400), threads: 1, print: Describe);
    }

    [TestMethod]
    public void AMutatedModelTableLoadsValidOrIsRefusedNamingTheFile()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(Directory.CreateDirectory(directory.Path).FullName, "models.json");

        Mutation.Of(ModelTable, maxEdits: 4).Sample(json => HostileRun.Bounded(() =>
        {
            File.WriteAllBytes(path, json);
            IReadOnlyList<GpuModelPeak> models;
            try
            {
                models = GpuModelPeaks.Load(path);
            }
            catch (InvalidDataException e)
            {
                Assert.Contains(path, e.Message);
                return;
            }

            Assert.IsNotEmpty(models);
            foreach (var model in models)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(model.Match));
                Assert.IsTrue(model.PeakDenseBf16Tflops is > 0 and <= 100_000 && model.MaxSmClockMhz is > 0 and <= 10_000, model.ToString());
            }
        }, "loading a model table"), iter: HostileRun.Iterations(400), threads: 1, print: Describe);
    }

    [TestMethod]
    [DataRow("#")]
    [DataRow("{}")]
    [DataRow("{A}0")]
    [DataRow("[null]")]
    [DataRow("[{\"match\":\"H100\",\"peak_dense_bf16_tflops\":1e999,\"max_sm_clock_mhz\":1980}]")]
    [DataRow("[{\"match\":\"H100\",\"peak_dense_bf16_tflops\":\"NaN\",\"max_sm_clock_mhz\":1980}]")]
    public void TheNamedSeedsAreRefusedAsAModelTableNamingTheFile(string json)
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(Directory.CreateDirectory(directory.Path).FullName, "models.json");
        File.WriteAllText(path, json);

        var e = Assert.ThrowsExactly<InvalidDataException>(() => GpuModelPeaks.Load(path));

        Assert.Contains(path, e.Message);
    }

    [TestMethod]
    [DataRow("#")]
    [DataRow("{}")]
    [DataRow("{A}0")]
    [DataRow("null")]
    [DataRow("{\"currency\":\"USD\",\"currency\":\"EUR\"}")]
    public void TheNamedSeedsAreRefusedAsACostConfigurationNamingTheFile(string json)
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(Directory.CreateDirectory(directory.Path).FullName, "cost.json");
        File.WriteAllText(path, json);

        var e = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.StartsWith(path, e.Message);
    }

    [TestMethod]
    public void AOneMebibyteLabelInAConfigurationIsRefusedNamingTheFile()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(Directory.CreateDirectory(directory.Path).FullName, "cost.json");
        File.WriteAllText(path, $"{{\"currency\":\"{new string('U', 1024 * 1024)}\"}}");

        var e = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.StartsWith(path, e.Message);
        Assert.Contains("larger than 1 MiB", e.Message);
    }

    [TestMethod]
    public void InvalidUtf8InAConfigurationIsRefusedNamingTheFile()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(Directory.CreateDirectory(directory.Path).FullName, "cost.json");
        File.WriteAllBytes(path, [.. "{\"currency\":\""u8, 0xFF, 0xC3, 0x28, .. "\"}"u8]);

        var e = Assert.ThrowsExactly<CostConfigurationException>(() => CostOptions.Load(path));

        Assert.StartsWith(path, e.Message);
    }

    private static string Describe(byte[] json) => Encoding.UTF8.GetString(json[..Math.Min(json.Length, 1500)]);
}
