using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Analytics.Ledger;
using Telemetry.Cli.Commands;
using Telemetry.Cli.Demo;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class DemoPipelineTests
{
    private static readonly string[] WasteClasses = ["allocated-idle", "memory-parked", "zombie", "unallocated-idle"];
    private static readonly string[] SampleTerms = ["produced", "aggregated", "late", "invalid", "lost"];
    private static DemoResult _result = null!;
    private static string _ledger = null!;

    [ClassInitialize]
    public static async Task RunASimulatedHourThroughThePipeline(TestContext context)
    {
        _ledger = Path.Combine(Path.GetTempPath(), "telemetry-e2e-" + Guid.NewGuid().ToString("N"));
        var options = new DemoOptions
        {
            Nodes = 8,
            GpusPerNode = 8,
            Duration = TimeSpan.FromHours(1),
            // Paced (an hour in about 6 s): unpaced agents can outrun the consumer by more than the mock cluster keeps
            // per partition (about 5 MiB), which then drops the oldest messages before they are read; the pipeline counts
            // that as lost, as it should, but it is not what this test is about.
            Speed = 600,
            Seed = 7,
            Start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero),
            LedgerDirectory = _ledger,
            Partitions = 4,
        };
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(context.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        _result = await new DemoPipeline(NullLoggerFactory.Instance, TimeProvider.System).RunAsync(options, null, timeout.Token);
    }

    [ClassCleanup]
    public static void DeleteLedger()
    {
        if (Directory.Exists(_ledger))
        {
            Directory.Delete(_ledger, recursive: true);
        }
    }

    [TestMethod]
    public void EveryJobsEnergyIsWithinHalfAPercentOfTheTruth()
    {
        var jobs = _result.Report.Jobs.ToDictionary(j => j.JobId);
        Assert.HasCount(_result.Truth.Count, jobs, "every simulated job appears in the report");
        foreach (var (id, truth) in _result.Truth)
        {
            var measured = jobs[id].EnergyJoules;
            Assert.IsGreaterThan(0, truth.EnergyJoules, id);
            Assert.IsLessThan(0.005, Math.Abs(measured - truth.EnergyJoules) / truth.EnergyJoules, $"{id}: pipeline {measured} J, truth {truth.EnergyJoules} J");
        }
    }

    [TestMethod]
    public void EveryAgentsSamplesBalanceOnTheirOwn()
    {
        Assert.HasCount(8, _result.Agents, "one agent per node");
        foreach (var agent in _result.Agents)
        {
            Assert.IsGreaterThan(0L, agent.Produced, agent.AgentId);
            Assert.AreEqual(agent.Produced, agent.Received.Total + agent.Lost, agent.AgentId);
            Assert.AreEqual(0L, agent.Lost, $"{agent.AgentId}: produced {agent.Produced}, received {agent.Received}");
        }

        Assert.AreEqual(_result.Report.Samples!.Aggregated, _result.Agents.Sum(a => a.Received.Aggregated), "the agents' terms add up to the fleet's");
    }

    [TestMethod]
    public void TokensMatchTheTruthExactly()
    {
        var inference = _result.Truth.Values.Where(t => t.Tokens > 0).ToList();
        Assert.IsNotEmpty(inference, "the fleet has inference jobs that report tokens");
        foreach (var truth in _result.Truth.Values)
        {
            var job = _result.Report.Jobs.Single(j => j.JobId == truth.Job.Id);
            Assert.AreEqual(truth.Tokens, job.Tokens, truth.Job.Id);
        }
    }

    [TestMethod]
    public void GpuSecondsOfEveryJobMatchTheTruth()
    {
        foreach (var truth in _result.Truth.Values)
        {
            var job = _result.Report.Jobs.Single(j => j.JobId == truth.Job.Id);
            Assert.AreEqual(truth.GpuSeconds, job.GpuHours * 3600, 1e-6, truth.Job.Id);
        }
    }

    [TestMethod]
    public void EverySampleProducedIsAccountedFor()
    {
        var samples = _result.Report.Samples!;
        Assert.AreEqual(8L * 8 * 3601, samples.Produced, "one sample per GPU per second, both ends included");
        Assert.AreEqual(samples.Produced, samples.Aggregated + samples.Late + samples.Invalid + samples.Duplicate);
        Assert.AreEqual(0L, samples.Lost);
    }

    [TestMethod]
    public void FleetEnergyMatchesTheTruth()
    {
        Assert.AreEqual(_result.FleetEnergyTruthKwh, _result.Report.FleetEnergyKwh, _result.FleetEnergyTruthKwh * 0.005);
    }

    [TestMethod]
    public void LedgerHoldsOneFileForEachWindowOfTheHour()
    {
        var partition = Path.Combine(_ledger, "gpu-windows", "date=2026-03-01");
        var files = Directory.GetFiles(partition, "*.parquet");
        Assert.HasCount(61, files, "60 whole minutes and the minute holding the closing sample");
        Assert.HasCount(61, File.ReadAllLines(Path.Combine(partition, "_manifest.jsonl")));
        Assert.IsEmpty(Directory.GetFiles(_ledger, "*.tmp", SearchOption.AllDirectories));
    }

    [TestMethod]
    public void EveryWindowConservesEnergyBetweenJobsUnallocatedAndUnattributed()
    {
        var fleet = new LedgerReader(_ledger).FleetWindows().ToList();

        Assert.HasCount(61, fleet);
        foreach (var w in fleet)
        {
            Assert.AreEqual(w.EnergyJoules, w.JobEnergyJoules + w.UnallocatedJoules + w.UnattributedJoules, 1e-6, $"window {w.WindowStart}");
        }

        Assert.AreEqual(_result.FleetEnergyTruthKwh * 3.6e6, fleet.Sum(w => w.EnergyJoules), 1e-3);
        Assert.AreEqual(0.0, fleet.Sum(w => w.UnattributedJoules), "every allocation arrived in time");
        Assert.IsTrue(fleet.All(w => w.GpusDisagreeing == 0 && w.GpusWithGaps == 0), "the simulator's counter is the integral of its power");
    }

    [TestMethod]
    public void EachScriptedWasteEpisodeIsClassifiedWithItsDurationToTheSample()
    {
        var seconds = new LedgerReader(_ledger).GpuStates()
            .GroupBy(s => (s.Node, s.GpuIndex, s.State))
            .ToDictionary(g => g.Key, g => g.Sum(s => s.Seconds));
        double Seconds(string node, int gpu, string state) => seconds.GetValueOrDefault((node, gpu, state));

        foreach (var node in new[] { "gpu-node-003", "gpu-node-007" })
        {
            Assert.AreEqual(2160, Seconds(node, 0, "allocated-idle"), 1, $"{node}: the notebook holds GPUs 0-1 idle for the first 60 %");
            Assert.AreEqual(1440, Seconds(node, 1, "unallocated-idle"), 1, $"{node}: then they are free");
            Assert.AreEqual(3600, Seconds(node, 2, "memory-parked"), 1, $"{node}: parked all hour");
            Assert.AreEqual(3600, Seconds(node, 4, "zombie"), 1, $"{node}: the zombie holds memory all hour");
        }

        Assert.AreEqual(720, Seconds("gpu-node-001", 3, "throttled"), 1, "thermal slowdown from 50 to 70 % of the hour");
        Assert.AreEqual(3600 - 720, Seconds("gpu-node-001", 3, "productive"), 1);
        var perGpu = seconds.GroupBy(p => (p.Key.Node, p.Key.GpuIndex)).Select(g => g.Sum(p => p.Value)).ToList();
        Assert.IsTrue(perGpu.All(total => Math.Abs(total - 3600) <= 1), "one state at a time: every GPU's states add up to the hour");
    }

    [TestMethod]
    public void LedgerOfTheHourVerifiesAgainstItsManifests()
    {
        var verification = new LedgerReader(_ledger).Verify();

        Assert.IsTrue(verification.IsIntact, string.Join(", ", verification.Missing.Concat(verification.Extra).Concat(verification.Altered)));
        Assert.AreEqual(5 * 61, verification.FilesChecked, "gpu-windows, job-windows, gpu-states, fleet-windows and window-sources");
    }

    [TestMethod]
    public void AConfigurationFileChangesTheWasteRulesOfTheReport()
    {
        var config = Path.Combine(_ledger, "..", Guid.NewGuid().ToString("N") + ".json");
        var output = Path.Combine(_ledger, "..", Guid.NewGuid().ToString("N") + ".report.json");
        File.WriteAllText(config, """{ "WasteEpisodes": { "MinimumDurations": { "allocated-idle": "02:00:00" } } }""");
        try
        {
            var exit = TelemetryApp.Build(Quiet()).Run(["report", "--ledger", _ledger, "--config", config, "--format", "json", "--output", output]);

            Assert.AreEqual(0, exit);
            using var report = JsonDocument.Parse(File.ReadAllText(output));
            var classes = report.RootElement.GetProperty("waste").EnumerateArray().Select(w => w.GetProperty("class").GetString()).ToHashSet();
            Assert.DoesNotContain("allocated-idle", classes, "36 idle minutes are under the configured two hours");
            Assert.Contains("memory-parked", classes);
        }
        finally
        {
            File.Delete(config);
            File.Delete(output);
        }
    }

    [TestMethod]
    public void AConfigurationValueOutOfRangeIsRefusedNamingIt()
    {
        var config = Path.Combine(_ledger, "..", Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(config, """{ "Health": { "MinCoverage": 7 } }""");
        try
        {
            var exit = TelemetryApp.Build(Quiet()).Run(["report", "--ledger", _ledger, "--config", config]);
            var e = Assert.Throws<ArgumentException>(() => AnalyticsConfiguration.Load(config).Health());

            Assert.AreEqual(2, exit);
            Assert.Contains("MinCoverage", e.Message);
        }
        finally
        {
            File.Delete(config);
        }
    }

    private static Spectre.Console.IAnsiConsole Quiet() =>
        Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings { Out = new Spectre.Console.AnsiConsoleOutput(new StringWriter()) });

    [TestMethod]
    public void ReportNamesTheWastefulGpusAndTheHealthEvents()
    {
        var classes = _result.Report.Waste.Select(w => w.Class).ToHashSet();
        CollectionAssert.IsSubsetOf(WasteClasses, classes.ToList());
        Assert.IsTrue(_result.Report.Health.Any(h => h.Kind == "xid" && h.Detail.StartsWith("XID 48", StringComparison.Ordinal) && h.Severity == Telemetry.Analytics.Health.HealthSeverity.Critical));
        Assert.IsTrue(_result.Report.Health.Any(h => h.Kind == "ecc-dbe"), "XID 48 comes with a double-bit ECC error");
        Assert.IsTrue(_result.Report.Health.Any(h => h.Kind == "throttling"));
    }

    [TestMethod]
    public void JobsThatReportTokensGetTokensPerJouleAndTheOthersTflopsPerWatt()
    {
        foreach (var job in _result.Report.Jobs)
        {
            if (_result.Truth[job.JobId].Tokens > 0)
            {
                Assert.IsNotNull(job.TokensPerJoule, job.JobId);
                Assert.AreEqual(job.Tokens / job.EnergyJoules, job.TokensPerJoule!.Value, 1e-9);
            }
            else
            {
                Assert.IsNull(job.TokensPerJoule, job.JobId);
            }

            Assert.IsNotNull(job.TflopsPerWatt, job.JobId);
        }

        var training = _result.Report.Jobs.First(j => j.JobId.StartsWith("llm-pretrain", StringComparison.Ordinal));
        var parked = _result.Report.Jobs.First(j => j.JobId.StartsWith("parked", StringComparison.Ordinal));
        Assert.IsGreaterThan(parked.TflopsPerWatt!.Value, training.TflopsPerWatt!.Value, "training does tensor work; a parked job does none");
    }

    [TestMethod]
    public void SummaryJsonCarriesFleetEnergyJobsAndSampleAccounting()
    {
        using var json = JsonDocument.Parse(DemoCommand.SummaryJson(_result));
        var root = json.RootElement;
        Assert.AreEqual(_result.Report.FleetEnergyKwh, root.GetProperty("fleet_energy_kwh").GetDouble(), 1e-9);
        var jobs = root.GetProperty("jobs").EnumerateArray().ToList();
        Assert.HasCount(_result.Truth.Count, jobs);
        foreach (var job in jobs)
        {
            Assert.IsFalse(string.IsNullOrEmpty(job.GetProperty("job_id").GetString()));
            Assert.IsGreaterThan(0, job.GetProperty("energy_kwh").GetDouble());
            Assert.IsTrue(job.TryGetProperty("tokens_per_joule", out _) && job.TryGetProperty("tflops_per_watt", out _));
        }

        var samples = root.GetProperty("samples");
        foreach (var term in SampleTerms)
        {
            Assert.IsTrue(samples.TryGetProperty(term, out _), term);
        }

        Assert.AreEqual(_result.FleetEnergyTruthKwh, root.GetProperty("simulator_truth").GetProperty("fleet_energy_kwh").GetDouble(), 1e-9);
    }
}
