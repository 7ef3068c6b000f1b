using System.Globalization;
using CsCheck;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Health;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Queries;
using Telemetry.Analytics.Tests.Influx;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using Telemetry.Hostile;
using static Telemetry.Analytics.Tests.Health.HealthWindows;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests;

/// <summary>
/// The cost file, the health findings' texts, InfluxDB line protocol and InfluxQL come out the same under German and
/// Turkish as under the invariant culture: no decimal comma in a point or a finding, no dotless i in a name.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class CultureInvarianceTests
{
    private static readonly string ExampleFile = Path.Combine(AppContext.BaseDirectory, "Costing", "cost.example.json");

    private static readonly DateTimeOffset Wednesday = new(2026, 6, 10, 6, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void TheExampleCostFilePricesTheSameUnderEveryCulture()
    {
        var prices = Cultures.Same(() => Prices(CostModel.Load(ExampleFile), ["gpu-node-001", "gpu-node-012", "fra-gpu-3", "login-1"]), "the example file's prices");

        StringAssert.Contains(prices, "gpu-node-012 frankfurt EUR");
        StringAssert.Contains(prices, "1.35", "PUE 1.35 read with its decimal point");
    }

    [TestMethod]
    public void DayNamesAndNodePatternsWithAnIMatchTheSameUnderEveryCulture()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Path);
        var path = Path.Combine(directory.Path, "cost.json");
        File.WriteAllText(path, """
            {
              "currency": "EUR",
              "sites": [
                {
                  "name": "finland", "nodes": ["fin-gpu-*"], "currency": "EUR", "pue": 1.15,
                  "tariff": { "time_zone": "Europe/Helsinki", "price_per_kwh": 0.1,
                    "periods": [ { "days": ["FRI", "Wed", "WEEKDAYS"], "from": "08:00", "to": "20:00", "price_per_kwh": 0.25 } ] }
                }
              ],
              "default_site": { "name": "elsewhere", "currency": "EUR", "pue": 1.5, "tariff": { "price_per_kwh": 0.2 } },
              "gpu_models": [ { "match": "h100", "price_per_gpu_hour": 2.5 } ]
            }
            """);

        var prices = Cultures.Same(() => Prices(CostModel.Load(path), ["fin-gpu-1", "FIN-GPU-2", "Fin-Gpu-3"]), "the Finnish site's prices");

        Assert.AreEqual(3, prices.Split('\n').Count(l => l.Contains(" finland EUR ", StringComparison.Ordinal)), prices);
        StringAssert.Contains(prices, "0.2875", "a Wednesday at 09:00 in Helsinki is in the peak period: 1.15 × 0.25 per kWh");
    }

    [TestMethod]
    public void HealthFindingsReadTheSameUnderEveryCulture()
    {
        List<GpuWindow> windows =
        [
            .. Minutes(0, 2, m => Burn(H100, m) with { ThrottleSeconds = 12.5, ThermalThrottleSeconds = 10.5, PowerThrottleSeconds = 2, MemoryTempMax = 97.5 }),
            .. Minutes(0, 3, m => Idle(OtherH100, m) with { Coverage = m is 1 ? 0.25 : 1.0 }),
        ];

        var findings = Cultures.Same(() => string.Join('\n', HealthAnalyzer.Analyze(windows).Select(f => $"{f.Kind} {f.Severity}: {f.Detail} / {f.Action}")), "the findings");

        StringAssert.Contains(findings, "(20.8 %)", "12.5 s of 60 s observed per window");
        StringAssert.Contains(findings, "highest 97.5 °C");
        StringAssert.Contains(findings, "(lowest 25 %)");
    }

    [TestMethod]
    public void InfluxPointsOfAWindowAreTheSameLinesUnderEveryCulture()
    {
        var points = new InfluxPoints(CostModel.Load(ExampleFile));
        var throttled = LedgerSamples.GpuWithEverything with { ThrottleSeconds = 12.5, MemoryTempMax = 97.5 };

        var lines = Cultures.Same(() => string.Join('\n',
            LinesOf(points.Build(InfluxPointsTests.Window(), new PipelineSnapshot("agg-1", 10, 1, 2, 3, 4)))
                .Concat(LinesOf(points.Build(new ClosedWindow(T0, At(60), [throttled], []))))), "the line protocol");

        StringAssert.Contains(lines, "gpu_health,");
        StringAssert.Contains(lines, "55.25", "a fractional field written with a decimal point");
    }

    [TestMethod]
    public void AnyFiniteFieldValueIsWrittenTheSameAndReadsBackUnderEveryCulture()
    {
        Gen.Double.Where(double.IsFinite).Sample(value =>
        {
            var line = Cultures.Same(() => new InfluxPointBuilder(InfluxSchema.GpuWindow, T0).Field("power_mean_w", value).Build().Point!.ToLineProtocol(), "a gpu_window point");

            var text = line.Split(' ')[1]["power_mean_w=".Length..];
            Assert.AreEqual(value, double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), line);
        }, iter: HostileRun.Iterations(2_000));
    }

    [TestMethod]
    public void InfluxQlTextIsTheSameUnderEveryCulture()
    {
        var query = Cultures.Same(() => string.Join(' ',
            InfluxQl.Identifier("gpu_window"), InfluxQl.Identifier("state"), InfluxQl.Literal("allocated-idle", "state"), InfluxQl.Literal("İstanbul 'i'", "node"),
            InfluxQl.Time(new DateTimeOffset(2026, 3, 1, 12, 0, 0, 500, TimeSpan.FromHours(1))), InfluxQl.Time(-1)), "the InfluxQL pieces");

        Assert.AreEqual("\"gpu_window\" \"state\" 'allocated-idle' 'İstanbul \\'i\\'' 1772362800500ms -1ms", query);
    }

    private static string Prices(CostModel model, string[] nodes) => string.Join('\n', nodes.Select(node =>
    {
        var site = model.SiteOf(node);
        var charge = model.EnergyCost(site, 3_600_000, Wednesday, Wednesday.AddHours(7));
        var gpuTime = model.GpuTimeCost("NVIDIA H100 80GB HBM3", 5400);
        return string.Create(CultureInfo.InvariantCulture,
            $"{node} {site.Name} {charge.Currency} {charge.ItKwh:R} {charge.FacilityKwh:R} {charge.Cost:R} {charge.Co2Kg:R} {gpuTime?.Cost:R} {gpuTime?.Currency}");
    }));

    private static IEnumerable<string> LinesOf(InfluxPointSet set) => set.Points.Select(p => p.ToLineProtocol());
}
