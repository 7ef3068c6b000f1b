using System.Globalization;
using CsCheck;
using Telemetry.Analytics;
using Telemetry.Cli.Commands;
using Telemetry.Cli.Tests.Support;
using Telemetry.Hostile;

namespace Telemetry.Cli.Tests;

/// <summary>
/// The command line reads durations, option values and settings files, and writes every report format, byte for byte
/// the same under German and Turkish as under the invariant culture; even the table localises nothing.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CultureInvarianceTests
{
    private static string _ledger = null!;

    /// <summary>The report's month, with the first GPU throttled and its memory hot, for findings with fractions in them.</summary>
    [ClassInitialize]
    public static void WriteAMonthOfLedger(TestContext context) =>
        _ledger = ReportLedger.WriteMonth(w => w.GpuUuid == "GPU-a" ? w with { ThrottleSeconds = 750, MemoryTempMax = 97.5 } : w);

    [ClassCleanup]
    public static void DeleteLedger() => Directory.Delete(_ledger, recursive: true);

    [TestMethod]
    [DataRow("--format", "json")]
    [DataRow("--group-by", "team", "--format", "csv")]
    [DataRow("--group-by", "gpu", "--format", "csv")]
    [DataRow("--group-by", "site", "--format", "json")]
    [DataRow("--group-by", "job", "--format", "json")]
    [DataRow("--group-by", "model", "--format", "csv", "--from", "2026-03-10T12:00:00+02:00", "--to", "2026-03-12")]
    public void AReportIsTheSameBytesUnderEveryCulture(params string[] options)
    {
        var output = Cultures.Same(() => Report(options), string.Join(' ', options));

        StringAssert.Contains(output, ".", "figures with a decimal point");
    }

    [TestMethod]
    public void TheSummaryJsonIsTheSameBytesUnderEveryCulture()
    {
        var path = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var summary = Cultures.Same(() =>
            {
                Report("--format", "json", "--output", Path.ChangeExtension(path, ".report.json"), "--summary-json", path);
                return File.ReadAllText(path);
            }, "the summary JSON");

            StringAssert.Contains(summary, "observed (20.8 %)", "a finding's text keeps its decimal point");
            StringAssert.Contains(summary, "\"fleet_energy_kwh\": 446.4,");
        }
        finally
        {
            File.Delete(path);
            File.Delete(Path.ChangeExtension(path, ".report.json"));
        }
    }

    [TestMethod]
    [DataRow("446.40 kWh")]
    [DataRow("--group-by", "team", "372.0")]
    public void TheTableShowsTheSameFiguresUnderEveryCulture(params string[] optionsAndExpected)
    {
        var table = Cultures.Same(() => Report([.. optionsAndExpected[..^1], "--format", "table"]), "the table");

        StringAssert.Contains(table, optionsAndExpected[^1]);
    }

    [TestMethod]
    [DataRow("--group-by", "SITE")]
    [DataRow("--group-by", "sİte")]
    [DataRow("--group-by", "gpu")]
    [DataRow("--format", "JSON")]
    [DataRow("--format", "jsİn")]
    [DataRow("--from", "01.03.2026")]
    [DataRow("--from", "2026-03-01T00:00:00,5Z")]
    [DataRow("--to", "31.12.2026 12:00")]
    public void AnOptionValueIsReadOrRefusedAlikeUnderEveryCulture(string option, string value)
    {
        Cultures.Same(() =>
        {
            var (exit, output) = CliRun.Run("report", "--ledger", _ledger, option, value, "--format", option == "--format" ? value : "csv");
            return $"{exit}\n{output}";
        }, $"{option} {value}");
    }

    [TestMethod]
    [DataRow("90s")]
    [DataRow("1.5h")]
    [DataRow("1,5h")]
    [DataRow("1h30m")]
    [DataRow("0.25d")]
    [DataRow("00:01:30")]
    [DataRow("00:01:30.5")]
    [DataRow("00:01:30,5")]
    [DataRow("1.000s")]
    [DataRow("1e3s")]
    public void ADurationIsReadOrRefusedAlikeUnderEveryCulture(string text)
    {
        Cultures.Same(() => DurationParser.TryParse(text, out var d) ? d.Ticks.ToString(CultureInfo.InvariantCulture) : "refused", text);
    }

    [TestMethod]
    public void AnyDurationInSecondsReadsBackTheSameUnderEveryCulture()
    {
        Gen.Double[0.001, 1e9].Sample(seconds =>
        {
            var text = seconds.ToString("0.######", CultureInfo.InvariantCulture) + "s";

            var read = Cultures.Same(() => DurationParser.TryParse(text, out var d) ? d.Ticks.ToString(CultureInfo.InvariantCulture) : "refused", text);

            Assert.AreEqual(TimeSpan.FromSeconds(double.Parse(text[..^1], CultureInfo.InvariantCulture)).Ticks.ToString(CultureInfo.InvariantCulture), read, text);
        }, iter: HostileRun.Iterations(1_000));
    }

    [TestMethod]
    [DataRow("1.5m", "30s", "2.5")]
    [DataRow("1,5m", "30s", "2,5")]
    [DataRow("1m", "1.5s", "MAX")]
    public void DemoAndAggregateOptionValuesAreReadAlikeUnderEveryCulture(string window, string lateness, string speed)
    {
        var read = Cultures.Same(() =>
        {
            var demo = new DemoSettings { Window = window, Speed = speed, Duration = "1h30m" };
            var aggregate = new AggregateCommand.Settings { Bootstrap = "127.0.0.1:9092", Window = window, Lateness = lateness };
            return string.Create(CultureInfo.InvariantCulture,
                $"{demo.WindowValue} {demo.SpeedValue:R} {demo.DurationValue} {demo.Validate().Message} / {aggregate.Validate().Message}");
        }, $"--window {window} --lateness {lateness} --speed {speed}");

        Assert.IsFalse(string.IsNullOrEmpty(read));
    }

    [TestMethod]
    [DataRow("""{ "Aggregator": { "Waste": { "ParkedMemoryShare": 0.6 } }, "Health": { "MinCoverage": 0.75, "HbmTempLimitCelsius": 92.5 }, "WasteEpisodes": { "MinimumDurations": { "allocated-idle": "00:30:00" } } }""", null)]
    [DataRow("""{ "Health": { "MinCoverage": "0,75" } }""", null)]
    [DataRow("""{ "WasteEpisodes": { "MinimumDurations": { "allocated-idle": "00:30:00,5" } } }""", null)]
    [DataRow("{}", "92.5")]
    [DataRow("{}", "92,5")]
    public void AnalyticsSettingsAreReadOrRefusedAlikeUnderEveryCulture(string json, string? hbmLimitFromEnvironment)
    {
        var path = Path.Combine(Path.GetTempPath(), $"telemetry-config-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        Environment.SetEnvironmentVariable("TELEMETRY_Health__HbmTempLimitCelsius", hbmLimitFromEnvironment);
        try
        {
            Cultures.Same(() => Settings(path), json + " " + hbmLimitFromEnvironment);
        }
        finally
        {
            Environment.SetEnvironmentVariable("TELEMETRY_Health__HbmTempLimitCelsius", null);
            File.Delete(path);
        }
    }

    private static string Report(params string[] options)
    {
        var (exit, output) = CliRun.Run(["report", "--ledger", _ledger, .. options]);
        Assert.AreEqual(0, exit, output);
        return output;
    }

    private static string Settings(string path)
    {
        try
        {
            var configuration = AnalyticsConfiguration.Load(path);
            var aggregator = configuration.Aggregator(new AggregatorOptions());
            var health = configuration.Health();
            var episodes = configuration.WasteEpisodes();
            return string.Create(CultureInfo.InvariantCulture,
                $"{aggregator.Waste.ParkedMemoryShare:R} {health.MinCoverage:R} {health.HbmTempLimitCelsius:R} {string.Join(',', episodes.MinimumDurations.Select(d => $"{d.Key}={d.Value.Ticks}"))}");
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException)
        {
            return e.GetType().Name + ": " + e.Message;
        }
    }
}
