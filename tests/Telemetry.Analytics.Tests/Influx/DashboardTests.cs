using System.Text.Json;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Tests.Support;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>The Grafana dashboards under infra/grafana/dashboards, checked against what the InfluxDB sink really writes.</summary>
[TestClass]
public sealed class DashboardTests
{
    private const string DataSourceUid = "telemetry-influxdb";
    private const string PrometheusUid = "telemetry-prometheus";
    private static readonly string[] ChartTypes = ["timeseries", "stat", "bargauge", "piechart", "state-timeline", "gauge"];

    private static readonly List<GrafanaDashboard> Dashboards = Directory
        .GetFiles(Path.Combine(RepositoryRoot.Find(), "infra", "grafana", "dashboards"), "*.json")
        .Order(StringComparer.Ordinal)
        .Select(GrafanaDashboard.Load)
        .ToList();

    // The self-metrics dashboard reads the processes' own /metrics through Prometheus; every other one reads the sink's InfluxDB.
    private static readonly List<GrafanaDashboard> InfluxDashboards = Dashboards.Where(d => !IsPrometheus(d)).ToList();

    private static readonly List<GrafanaDashboard> PrometheusDashboards = Dashboards.Where(IsPrometheus).ToList();

    [TestMethod]
    public void TheFleetJobsWasteAndHealthDashboardsAreThere()
    {
        var names = InfluxDashboards.Select(d => d.Name).ToList();

        CollectionAssert.IsSubsetOf(new[] { "fleet-overview.json", "jobs.json", "waste.json", "health.json" }, names);
        Assert.IsTrue(InfluxDashboards.All(d => d.Queries().Count() >= 5), "every dashboard has panels with queries");
    }

    [TestMethod]
    public void EveryQueryNamesOnlyMeasurementsFieldsAndTagsTheSinkWrites()
    {
        var problems = InfluxDashboards.SelectMany(d => d.Queries())
            .SelectMany(q => SchemaQueryCheck.Problems(q.Text).Select(p => $"{q}: {p}"))
            .ToList();

        Assert.IsEmpty(problems, Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void EveryMeasurementTheSinkWritesIsOnSomeDashboard()
    {
        var shown = InfluxDashboards.SelectMany(d => d.Queries())
            .Select(q => InfluxQlReferenceExtractor.Extract(q.Text).Measurement)
            .ToHashSet(StringComparer.Ordinal);

        var missing = InfluxSchema.All.Select(m => m.Name).Where(name => !shown.Contains(name)).ToList();

        Assert.IsEmpty(missing, "not on any dashboard: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void QueriesOfAMeasurementTaggedByInstanceSumOverInstancesBeforeAnythingElse()
    {
        // Each aggregator instance writes its part of a window: a mean, maximum or last value of those parts, or a
        // part read as it is, would show one instance's share as if it were the whole (ratios of sums are fine).
        var partial = InfluxDashboards.SelectMany(d => d.Queries())
            .Select(q => (Query: q, References: InfluxQlReferenceExtractor.Extract(q.Text)))
            .Where(x => x.References.Statement == InfluxQlReferences.Select && InfluxSchema.Find(x.References.Measurement ?? "") is { } m
                && m.HasTag("instance") && !x.References.Grouped.Contains("instance", StringComparer.Ordinal))
            .SelectMany(x => x.References.Selected.Where(s => s.Function != "sum" && InfluxSchema.Find(x.References.Measurement!)!.Field(s.Name) is not null)
                .Select(s => $"{x.Query}: {s.Function ?? "bare"}(\"{s.Name}\")"))
            .ToList();

        Assert.IsEmpty(partial, Environment.NewLine + string.Join(Environment.NewLine, partial));
    }

    [TestMethod]
    public void EveryDataSourceReferenceIsTheTelemetryInfluxDb()
    {
        var wrong = InfluxDashboards
            .SelectMany(d => d.DataSources().Select(ds => (d.Name, ds.Path, ds.DataSource)))
            .Where(x => GrafanaDashboard.Text(x.DataSource, "uid") != DataSourceUid || GrafanaDashboard.Text(x.DataSource, "type") != "influxdb")
            .Select(x => $"{x.Name} {x.Path}: {x.DataSource}")
            .ToList();

        Assert.IsEmpty(wrong, Environment.NewLine + string.Join(Environment.NewLine, wrong));
    }

    [TestMethod]
    public void EveryPanelTargetAndQueryVariableNamesItsDataSource()
    {
        static bool Names(JsonElement e) => e.TryGetProperty("datasource", out _);
        var unnamed = Dashboards.SelectMany(d =>
                d.Panels().Where(p => GrafanaDashboard.Items(p, "targets").Any() && !Names(p)).Select(p => $"{d.Name} panel {GrafanaDashboard.Text(p, "title")}")
                    .Concat(d.Panels().SelectMany(p => GrafanaDashboard.Items(p, "targets").Where(t => !Names(t)).Select(_ => $"{d.Name} a target of {GrafanaDashboard.Text(p, "title")}")))
                    .Concat(d.Variables().Where(v => GrafanaDashboard.Text(v, "type") == "query" && !Names(v)).Select(v => $"{d.Name} variable {GrafanaDashboard.Text(v, "name")}")))
            .ToList();

        Assert.IsEmpty(unnamed, "falls back to Grafana's default data source: " + string.Join(", ", unnamed));
    }

    [TestMethod]
    public void EveryTargetIsARawInfluxQlQueryAsTimeSeriesOrTable()
    {
        var wrong = InfluxDashboards
            .SelectMany(d => d.Panels().SelectMany(p => GrafanaDashboard.Items(p, "targets").Select(t => (Where: $"{d.Name} {GrafanaDashboard.Text(p, "title")}", Target: t))))
            .Where(x => !(x.Target.TryGetProperty("rawQuery", out var raw) && raw.ValueKind == JsonValueKind.True)
                || string.IsNullOrWhiteSpace(GrafanaDashboard.Text(x.Target, "query"))
                || GrafanaDashboard.Text(x.Target, "resultFormat") is not ("time_series" or "table"))
            .Select(x => x.Where)
            .ToList();

        Assert.IsEmpty(wrong, "not a raw InfluxQL query: " + string.Join(", ", wrong));
    }

    [TestMethod]
    public void DashboardUidsAndTitlesAreUnique()
    {
        var uids = Dashboards.Select(d => d.Uid).ToList();
        var titles = Dashboards.Select(d => d.Title).ToList();

        Assert.IsTrue(uids.All(uid => !string.IsNullOrEmpty(uid)), "every dashboard has a uid");
        Assert.HasCount(Dashboards.Count, uids.Distinct(StringComparer.Ordinal));
        Assert.HasCount(Dashboards.Count, titles.Distinct(StringComparer.Ordinal));
    }

    [TestMethod]
    public void PanelIdsAreUniqueWithinEachDashboard()
    {
        foreach (var dashboard in Dashboards)
        {
            var ids = dashboard.Panels().Select(p => p.GetProperty("id").GetInt32()).ToList();

            Assert.HasCount(ids.Count, ids.Distinct(), dashboard.Name);
        }
    }

    [TestMethod]
    public void EveryChartStatesItsUnit()
    {
        var unitless = Dashboards
            .SelectMany(d => d.Panels().Where(p => ChartTypes.Contains(GrafanaDashboard.Text(p, "type"))).Select(p => (d.Name, Panel: p)))
            .Where(x => !(x.Panel.TryGetProperty("fieldConfig", out var config) && config.TryGetProperty("defaults", out var defaults)
                && !string.IsNullOrEmpty(GrafanaDashboard.Text(defaults, "unit"))))
            .Select(x => $"{x.Name} {GrafanaDashboard.Text(x.Panel, "title")}")
            .ToList();

        Assert.IsEmpty(unitless, "no unit: " + string.Join(", ", unitless));
    }

    [TestMethod]
    public void DashboardsOpenOnTheLastSixHoursAndRefreshEveryMinute()
    {
        foreach (var dashboard in Dashboards)
        {
            var time = dashboard.Root.GetProperty("time");

            Assert.AreEqual("now-6h", GrafanaDashboard.Text(time, "from"), dashboard.Name);
            Assert.AreEqual("now", GrafanaDashboard.Text(time, "to"), dashboard.Name);
            Assert.AreEqual("1m", GrafanaDashboard.Text(dashboard.Root, "refresh"), dashboard.Name);
        }
    }

    [TestMethod]
    public void TheSelfMetricsDashboardQueriesOnlyTheTelemetryPrometheusInPromQl()
    {
        var dashboard = PrometheusDashboards.Single();
        var targets = dashboard.Panels().SelectMany(p => GrafanaDashboard.Items(p, "targets").Select(t => (Panel: GrafanaDashboard.Text(p, "title"), Target: t))).ToList();
        var wrong = dashboard.DataSources()
            .Where(x => GrafanaDashboard.Text(x.DataSource, "uid") != PrometheusUid || GrafanaDashboard.Text(x.DataSource, "type") != "prometheus")
            .Select(x => $"{x.Path}: {x.DataSource}")
            .ToList();

        Assert.AreEqual("self-metrics.json", dashboard.Name);
        Assert.IsGreaterThanOrEqualTo(10, targets.Count);
        Assert.IsEmpty(wrong, Environment.NewLine + string.Join(Environment.NewLine, wrong));
        Assert.IsTrue(targets.All(t => GrafanaDashboard.Text(t.Target, "expr")?.Contains("telemetry_", StringComparison.Ordinal) == true),
            "every target is PromQL over the processes' own metrics");
    }

    private static bool IsPrometheus(GrafanaDashboard dashboard) =>
        dashboard.DataSources().Any(x => GrafanaDashboard.Text(x.DataSource, "type") == "prometheus");
}
