namespace Telemetry.Analytics.Tests.Influx;

[TestClass]
public sealed class GrafanaDashboardTests
{
    private const string Json = """
        {
          "uid": "u", "title": "t",
          "templating": { "list": [
            { "name": "node", "type": "query", "datasource": { "uid": "a" }, "query": "SHOW TAG VALUES FROM \"gpu_window\" WITH KEY = \"node\"" },
            { "name": "team", "type": "query", "query": { "query": "SHOW TAG VALUES FROM \"waste\" WITH KEY = \"team\"", "refId": "V" } },
            { "name": "window", "type": "constant", "query": "60" }
          ] },
          "panels": [
            { "id": 1, "type": "timeseries", "title": "open", "targets": [ { "refId": "A", "query": "SELECT 1" } ] },
            { "id": 2, "type": "row", "title": "folded", "collapsed": true, "panels": [
              { "id": 3, "type": "stat", "title": "inside", "datasource": { "uid": "b" },
                "targets": [ { "refId": "A", "query": "SELECT 2" }, { "refId": "B", "query": "SELECT 3", "datasource": { "uid": "c" } } ] }
            ] }
          ]
        }
        """;

    [TestMethod]
    public void QueriesAreFoundInPanelsInsideCollapsedRowsAndInQueryVariables()
    {
        var dashboard = GrafanaDashboard.Parse("d.json", Json);

        var queries = dashboard.Queries().Select(q => $"{q.Location}: {q.Text}").ToList();

        CollectionAssert.AreEquivalent(
            new[]
            {
                "panel \"open\" target A: SELECT 1",
                "panel \"inside\" target A: SELECT 2",
                "panel \"inside\" target B: SELECT 3",
                "variable node: SHOW TAG VALUES FROM \"gpu_window\" WITH KEY = \"node\"",
                "variable team: SHOW TAG VALUES FROM \"waste\" WITH KEY = \"team\"",
            },
            queries);
    }

    [TestMethod]
    public void DataSourcesAreFoundAtEveryDepth()
    {
        var dashboard = GrafanaDashboard.Parse("d.json", Json);

        var uids = dashboard.DataSources().Select(d => $"{d.Path}={GrafanaDashboard.Text(d.DataSource, "uid")}").ToList();

        CollectionAssert.AreEquivalent(
            new[]
            {
                "$.templating.list[0].datasource=a",
                "$.panels[1].panels[0].datasource=b",
                "$.panels[1].panels[0].targets[1].datasource=c",
            },
            uids);
    }
}
