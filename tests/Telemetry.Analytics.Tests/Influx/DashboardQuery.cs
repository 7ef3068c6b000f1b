namespace Telemetry.Analytics.Tests.Influx;

/// <summary>One InfluxQL query of a dashboard.</summary>
/// <param name="Dashboard">The dashboard's file name.</param>
/// <param name="Location">Where in it: the panel and target, or the variable.</param>
/// <param name="Text">The query as Grafana holds it, variables and macros included.</param>
internal sealed record DashboardQuery(string Dashboard, string Location, string Text)
{
    public override string ToString() => $"{Dashboard}, {Location}";
}
