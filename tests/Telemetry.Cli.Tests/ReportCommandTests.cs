using System.Globalization;
using Spectre.Console;
using Telemetry.Cli.Rendering;
using Telemetry.Cli.Tests.Support;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class ReportCommandTests
{
    private static string _ledger = null!;

    [ClassInitialize]
    public static void WriteAMonthOfLedger(TestContext context) => _ledger = ReportLedger.WriteMonth();

    [ClassCleanup]
    public static void DeleteLedger() => Directory.Delete(_ledger, recursive: true);

    [TestMethod]
    public void AMonthRolledUpByTeamAsCsvHasEachTeamsEnergyCostAndTokens()
    {
        var groups = Csv("team");

        Assert.AreEqual(744 * 0.5, groups["research"]["ItKwh"], 1e-6, "500 W for 744 hours");
        Assert.AreEqual(744 * 0.5 * 1.3 * 0.12, groups["research"]["EnergyCost"], 1e-6, "facility energy (PUE 1.3) at the default flat 0.12 per kWh");
        Assert.AreEqual(744 * 0.5 * 1.3, groups["research"]["FacilityKwh"], 1e-6, "PUE 1.3");
        Assert.AreEqual(744 * 7_200_000.0, groups["product"]["Tokens"]);
        Assert.AreEqual(7_200_000 / 360_000.0, groups["product"]["TokensPerJoule"], 1e-9);
    }

    [TestMethod]
    public void TheFullyLoadedCostPerMillionTokensAddsTheGpuTimeToTheEnergy()
    {
        var loaded = Csv("team")["product"]["LoadedCostPerMillionTokens"];
        var energyCost = 744 * 0.1 * 1.3 * 0.12;
        var gpuTime = 744 * 2.50;

        Assert.AreEqual((energyCost + gpuTime) / (744 * 7.2), loaded, 1e-9, "the default H100 price of 2.50 per GPU-hour");
    }

    [TestMethod]
    public void PerGpuRowsCarryEachGpusEnergyAndCost()
    {
        var gpus = Csv("gpu");

        Assert.HasCount(2, gpus);
        Assert.AreEqual(744 * 0.5, gpus["gpu-node-000/0"]["ItKwh"], 1e-6);
        Assert.AreEqual(744 * 0.5 * 1.3 * 0.12, gpus["gpu-node-000/0"]["EnergyCost"], 1e-6);
    }

    [TestMethod]
    public void FromAndToKeepOnlyTheWindowsInTheRange()
    {
        var json = Path.Combine(_ledger, "..", Guid.NewGuid().ToString("N") + ".json");
        var (exit, output) = Run("report", "--ledger", _ledger, "--from", "2026-03-10", "--to", "2026-03-12", "--format", "json", "--output", json);

        Assert.AreEqual(0, exit, output);
        using var report = System.Text.Json.JsonDocument.Parse(File.ReadAllText(json));
        File.Delete(json);
        Assert.AreEqual(48, report.RootElement.GetProperty("windows").GetInt32());
        Assert.AreEqual(48 * (0.5 + 0.1), report.RootElement.GetProperty("fleet_energy_kwh").GetDouble(), 1e-6);
    }

    [TestMethod]
    public async Task ARollUpBySiteAsParquetReadsBackWithItsColumns()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            var (exit, output) = Run("report", "--ledger", _ledger, "--group-by", "site", "--format", "parquet", "--output", path);

            Assert.AreEqual(0, exit, output);
            await using var file = File.OpenRead(path);
            var reader = await Parquet.ParquetReader.CreateAsync(file);
            await using (reader)
            {
                var names = reader.Schema.DataFields.Select(f => f.Name).ToList();
                CollectionAssert.IsSubsetOf(new[] { "GroupBy", "Group", "ItKwh", "EnergyCost", "Currency", "WasteShare", "TokensPerJoule" }, names);
                using var rowGroup = reader.OpenRowGroupReader(0);
                Assert.AreEqual(1L, rowGroup.RowCount, "one site");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void AChartOfCostAndWasteByModelIsAPng()
    {
        var png = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".png");
        try
        {
            var (exit, output) = Run("report", "--ledger", _ledger, "--group-by", "model", "--chart", png);

            Assert.AreEqual(0, exit, output);
            var bytes = File.ReadAllBytes(png);
            CollectionAssert.AreEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47 }, bytes[..4], "a PNG signature");
            Assert.IsGreaterThan(5_000, bytes.Length);
        }
        finally
        {
            File.Delete(png);
        }
    }

    [TestMethod]
    [DataRow("--group-by", "colour", "--group-by")]
    [DataRow("--format", "xml", "--format")]
    [DataRow("--from", "last tuesday", "--from")]
    public void ABadOptionIsRefusedNamingIt(string option, string value, string named)
    {
        var (exit, output) = Run("report", "--ledger", _ledger, option, value);

        Assert.AreNotEqual(0, exit);
        Assert.Contains(named, output);
    }

    /// <summary>The month rolled up by <paramref name="groupBy"/> as CSV, parsed: group name to its numeric columns.</summary>
    private static Dictionary<string, Dictionary<string, double>> Csv(string groupBy)
    {
        var (exit, output) = Run("report", "--ledger", _ledger, "--group-by", groupBy, "--format", "csv");
        Assert.AreEqual(0, exit, output);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var header = rows[0].Split(',');
        return rows.Skip(1).Select(r => r.Split(',')).ToDictionary(
            cells => cells[1],
            cells => header.Zip(cells)
                .Where(p => double.TryParse(p.Second, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                .ToDictionary(p => p.First, p => double.Parse(p.Second, CultureInfo.InvariantCulture)));
    }

    private static (int Exit, string Output) Run(params string[] args) => CliRun.Run(args);

    // The report's progress over ledger files goes to its own console (standard error on a terminal), so what it writes
    // to standard output is byte for byte the same with progress shown or not. These swap where progress goes: alone.
    [TestMethod]
    [DoNotParallelize]
    [DataRow("--format", "csv", "--group-by", "team")]
    [DataRow("--format", "json")]
    [DataRow("--format", "json", "--group-by", "job", "--from", "2026-03-10")]
    public void CsvAndJsonOnStandardOutputAreTheSameWithProgressShownOnATerminal(params string[] format)
    {
        string[] args = ["report", "--ledger", _ledger, .. format];
        var withoutProgress = WithProgressOn(null, () => CliRun.Run(args));
        var terminal = new StringWriter();
        var withProgress = WithProgressOn(Terminal(terminal), () => CliRun.Run(args));

        Assert.AreEqual(0, withoutProgress.Exit, withoutProgress.Output);
        Assert.AreEqual(0, withProgress.Exit, withProgress.Output);
        Assert.AreEqual(withoutProgress.Output, withProgress.Output);
        Assert.Contains("ledger files", terminal.ToString());
        Assert.DoesNotContain("ledger files", withProgress.Output);
    }

    [TestMethod]
    [DoNotParallelize]
    public void WhenStandardErrorIsNotATerminalNoProgressIsShown()
    {
        // The test host redirects standard error, as a pipe or a file does.
        Assert.IsTrue(Console.IsErrorRedirected);

        Assert.IsNull(LedgerReadProgress.Console());
    }

    private static IAnsiConsole Terminal(StringWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.TrueColor,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(writer),
    });

    private static (int Exit, string Output) WithProgressOn(IAnsiConsole? console, Func<(int, string)> run)
    {
        var before = LedgerReadProgress.Console;
        LedgerReadProgress.Console = () => console;
        try
        {
            return run();
        }
        finally
        {
            LedgerReadProgress.Console = before;
        }
    }
}
