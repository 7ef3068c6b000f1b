namespace Telemetry.Analytics.Tests.Influx;

/// <summary>Queries that are wrong the way a dashboard goes wrong, each of which the check must report.</summary>
[TestClass]
public sealed class SchemaQueryCheckTests
{
    [TestMethod]
    public void AQueryThatNamesOnlyWhatTheSinkWritesHasNoProblems()
    {
        var problems = SchemaQueryCheck.Problems(
            "SELECT sum(\"tflop\") / sum(\"energy_j\") AS \"TFLOPS/W\", sum(\"cost\") * 3600000 / $__interval_ms FROM \"job_window\" " +
            "WHERE $timeFilter AND \"team\" =~ /^$team$/ AND \"tflops_per_watt\" >= 0 AND \"throughput_unit\" = 'tokens' " +
            "GROUP BY time($__interval), \"job\", \"currency\" fill(null)");

        Assert.IsEmpty(problems, string.Join("; ", problems));
    }

    [TestMethod]
    public void AMisspelledFieldIsReported()
    {
        var problems = SchemaQueryCheck.Problems("SELECT mean(\"util_maen\") FROM \"gpu_window\" WHERE $timeFilter GROUP BY time($__interval), \"node\"");

        Assert.Contains("SELECT reads \"util_maen\", which is not a field of gpu_window", problems);
        Assert.Contains("SELECT reads no field of gpu_window", problems);
        Assert.HasCount(2, problems);
    }

    [TestMethod]
    public void AnUnknownMeasurementIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT mean(\"util_mean\") FROM \"gpu_windows\" WHERE $timeFilter"));

        Assert.StartsWith("measurement \"gpu_windows\" is not one the sink writes", problem);
    }

    [TestMethod]
    public void GroupingByAFieldIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems(
            "SELECT sum(\"energy_j\") FROM \"gpu_window\" WHERE $timeFilter GROUP BY time($__interval), \"job_id\""));

        Assert.AreEqual("GROUP BY \"job_id\": a field of gpu_window, and only tags group", problem);
    }

    [TestMethod]
    public void GroupingByATagOfAnotherMeasurementIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT sum(\"energy_j\") FROM \"gpu_window\" WHERE $timeFilter GROUP BY \"team\""));

        Assert.AreEqual("GROUP BY \"team\": gpu_window has no such tag", problem);
    }

    [TestMethod]
    public void FilteringOnATagTheMeasurementLacksIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT sum(\"power_w\") FROM \"fleet_window\" WHERE $timeFilter AND \"node\" =~ /^$node$/"));

        Assert.AreEqual("WHERE compares \"node\", which is neither a tag nor a field of fleet_window", problem);
    }

    [TestMethod]
    public void AValueInDoubleQuotesIsReadAsTheIdentifierInfluxDbTakesItFor()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT sum(\"count\") FROM \"gpu_health\" WHERE $timeFilter AND \"kind\" = \"xid\""));

        Assert.Contains("\"xid\"", problem);
    }

    [TestMethod]
    public void ShowTagValuesOfAFieldIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SHOW TAG VALUES FROM \"gpu_window\" WITH KEY = \"state\""));

        Assert.AreEqual("SHOW TAG VALUES WITH KEY = \"state\": a field of gpu_window, not a tag, so it has no tag values", problem);
    }

    [TestMethod]
    public void SummingATextFieldIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT sum(\"detail\") FROM \"gpu_health\" WHERE $timeFilter"));

        Assert.AreEqual("sum(\"detail\"): a text field of gpu_health, and sum() needs numbers", problem);
    }

    [TestMethod]
    public void AggregatingATagIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT sum(\"count\"), count(\"node\") FROM \"gpu_health\" WHERE $timeFilter"));

        Assert.AreEqual("count(\"node\"): a tag of gpu_health, not a field", problem);
    }

    [TestMethod]
    public void AFunctionInfluxQlLacksIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT avg(\"power_w\") FROM \"fleet_window\" WHERE $timeFilter"));

        Assert.AreEqual("avg() is not an InfluxQL function", problem);
    }

    [TestMethod]
    public void AnUnquotedIdentifierIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT mean(\"util_mean\") FROM \"gpu_window\" WHERE $timeFilter GROUP BY node"));

        Assert.AreEqual("GROUP BY node is not double-quoted: write \"node\"", problem);
    }

    [TestMethod]
    public void AQueryWithoutTheTimeFilterIsReported()
    {
        var problem = Assert.ContainsSingle(SchemaQueryCheck.Problems("SELECT sum(\"energy_j\") FROM \"fleet_window\""));

        Assert.StartsWith("WHERE has no $timeFilter", problem);
    }

    [TestMethod]
    public void ASubqueryIsReportedRatherThanLeftUnchecked()
    {
        var problems = SchemaQueryCheck.Problems("SELECT sum(\"x\") FROM (SELECT mean(\"nonsense\") AS \"x\" FROM \"gpu_window\" WHERE $timeFilter) WHERE $timeFilter");

        Assert.IsTrue(problems.Any(p => p.Contains("is not one double-quoted measurement", StringComparison.Ordinal)), string.Join("; ", problems));
    }
}
