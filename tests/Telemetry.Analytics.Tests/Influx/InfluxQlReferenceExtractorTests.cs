namespace Telemetry.Analytics.Tests.Influx;

[TestClass]
public sealed class InfluxQlReferenceExtractorTests
{
    [TestMethod]
    public void ASelectNamesItsMeasurementFieldsFiltersAndGroups()
    {
        var references = InfluxQlReferenceExtractor.Extract(
            "SELECT sum(\"tflop\") / sum(\"energy_j\") AS \"TFLOPS/W\" FROM \"job_window\" " +
            "WHERE $timeFilter AND \"team\" =~ /^$team$/ GROUP BY time($__interval), \"job\" fill(null) ORDER BY time DESC LIMIT 10");

        Assert.AreEqual(InfluxQlReferences.Select, references.Statement);
        Assert.AreEqual("job_window", references.Measurement);
        CollectionAssert.AreEqual(new SelectedName[] { new("tflop", "sum"), new("energy_j", "sum") }, references.Selected.ToList());
        CollectionAssert.AreEqual(new[] { "team" }, references.Filtered.ToList());
        CollectionAssert.AreEqual(new[] { "job" }, references.Grouped.ToList());
        Assert.IsTrue(references.FiltersOnTime);
        Assert.IsEmpty(references.Problems);
    }

    [TestMethod]
    public void ASlashAfterARegexMatchOpensARegexAndElsewhereDivides()
    {
        var references = InfluxQlReferenceExtractor.Extract(
            "SELECT sum(\"energy_j\") / 3600000 FROM \"gpu_window\" WHERE $timeFilter AND \"node\" =~ /^a\\/\"b$/ AND \"model\" !~ /H100/");

        CollectionAssert.AreEqual(new[] { "node", "model" }, references.Filtered.ToList());
        CollectionAssert.AreEqual(new SelectedName[] { new("energy_j", "sum") }, references.Selected.ToList());
        Assert.IsEmpty(references.Problems);
    }

    [TestMethod]
    public void AFieldInsideNestedFunctionsIsReadThroughTheInnermost()
    {
        var references = InfluxQlReferenceExtractor.Extract(
            "SELECT non_negative_derivative(last(\"aggregated\"), 1s) AS \"rate\", \"lag\" FROM \"pipeline\" WHERE $timeFilter GROUP BY time(1m), \"instance\"");

        CollectionAssert.AreEqual(new SelectedName[] { new("aggregated", "last"), new("lag", null) }, references.Selected.ToList());
        Assert.IsEmpty(references.Problems);
    }

    [TestMethod]
    public void ShowTagValuesNamesItsMeasurementKeyAndFilter()
    {
        var references = InfluxQlReferenceExtractor.Extract("SHOW TAG VALUES FROM \"gpu_window\" WITH KEY = \"gpu\" WHERE \"node\" =~ /^$node$/");

        Assert.AreEqual(InfluxQlReferences.ShowTagValues, references.Statement);
        Assert.AreEqual("gpu_window", references.Measurement);
        Assert.AreEqual("gpu", references.TagKey);
        CollectionAssert.AreEqual(new[] { "node" }, references.Filtered.ToList());
        Assert.IsEmpty(references.Problems);
    }

    [TestMethod]
    public void AnUnclosedQuoteIsAProblemNotAnException()
    {
        var references = InfluxQlReferenceExtractor.Extract("SELECT mean(\"util_mean) FROM \"gpu_window\"");

        Assert.IsNull(references.Measurement);
        Assert.Contains("is not closed", Assert.ContainsSingle(references.Problems));
    }

    [TestMethod]
    public void GrafanasOldBracketVariablesAreRefused()
    {
        var references = InfluxQlReferenceExtractor.Extract("SELECT mean(\"util_mean\") FROM \"gpu_window\" WHERE \"node\" = '[[node]]' AND [[timeFilter]]");

        Assert.Contains("[[variable]]", Assert.ContainsSingle(references.Problems));
    }

    [TestMethod]
    public void AQualifiedMeasurementIsRefusedBecauseTheDataSourceNamesTheDatabase()
    {
        var references = InfluxQlReferenceExtractor.Extract("SELECT mean(\"util_mean\") FROM \"telemetry\".\"autogen\".\"gpu_window\" WHERE $timeFilter");

        Assert.IsNull(references.Measurement);
        Assert.StartsWith("FROM names a database or retention policy", Assert.ContainsSingle(references.Problems));
    }

    [TestMethod]
    public void StatementsOtherThanSelectAndShowTagValuesAreNotChecked()
    {
        var references = InfluxQlReferenceExtractor.Extract("DROP MEASUREMENT \"gpu_window\"");

        Assert.AreEqual("only SELECT and SHOW TAG VALUES statements are checked", Assert.ContainsSingle(references.Problems));
    }
}
