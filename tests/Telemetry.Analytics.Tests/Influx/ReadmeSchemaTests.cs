using System.Text.RegularExpressions;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Tests.Support;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>The README's table of measurements says what the sink really writes.</summary>
[TestClass]
public sealed partial class ReadmeSchemaTests
{
    [TestMethod]
    public void EveryMeasurementIsInTheReadmeWithItsTagsAndFields()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot.Find(), "README.md"));
        foreach (var measurement in InfluxSchema.All)
        {
            var row = readme.SingleOrDefault(l => l.StartsWith($"| `{measurement.Name}` |", StringComparison.Ordinal));
            Assert.IsNotNull(row, $"README has no row for {measurement.Name}");
            var cells = row.Split('|', StringSplitOptions.TrimEntries);
            CollectionAssert.AreEqual(measurement.Tags.ToList(), Names(cells[3]), $"{measurement.Name} tags");
            var fields = FieldCell().Matches(cells[4]).Select(m => (m.Groups["name"].Value, m.Groups["type"].Value switch
            {
                "int" => InfluxFieldType.Whole,
                "string" => InfluxFieldType.Text,
                _ => InfluxFieldType.Number,
            })).ToList();
            CollectionAssert.AreEqual(measurement.Fields.Select(f => (f.Name, f.Type)).ToList(), fields, $"{measurement.Name} fields");
        }
    }

    private static List<string> Names(string cell) => [.. Regex.Matches(cell, "`(\\w+)`").Select(m => m.Groups[1].Value)];

    [GeneratedRegex(@"`(?<name>\w+)`(?: \((?<type>int|string)\))?")]
    private static partial Regex FieldCell();
}
