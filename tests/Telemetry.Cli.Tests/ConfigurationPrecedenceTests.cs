using System.Net;
using Telemetry.Cli.Commands;

namespace Telemetry.Cli.Tests;

/// <summary>
/// The .NET order for every setting of the long-running commands: a flag given beats the <c>TELEMETRY_</c> environment,
/// which beats the <c>--config</c> file, which beats the default. These tests set environment variables, so they run alone.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ConfigurationPrecedenceTests
{
    private const string WindowVariable = "TELEMETRY_Aggregator__WindowLength";

    [TestMethod]
    [DataRow(null, null, null, "00:01:00")]
    [DataRow("00:05:00", null, null, "00:05:00")]
    [DataRow("00:05:00", "00:02:00", null, "00:02:00")]
    [DataRow("00:05:00", "00:02:00", "30s", "00:00:30")]
    [DataRow(null, null, "10m", "00:10:00")]
    public void TheAggregatorsWindowComesFromTheFlagThenTheEnvironmentThenTheFileThenTheDefault(string? file, string? environment, string? flag, string expected)
    {
        var actual = WithVariable(WindowVariable, environment, () => WithSettingsFile(
            file is null ? "{}" : $$"""{ "Aggregator": { "WindowLength": "{{file}}" } }""",
            path => AggregatorSettings.Resolve(AnalyticsConfiguration.Load(path), new AggregateCommand.Settings { Window = flag }, null).WindowLength));

        Assert.AreEqual(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), actual);
    }

    [TestMethod]
    public void ASettingOnlyAFlagGivesIsRefusedFromTheFileNamingTheFlag()
    {
        var refusal = WithSettingsFile("""{ "Aggregator": { "LedgerDirectory": "/data/ledger" } }""", path =>
            Assert.Throws<ArgumentException>(() => AggregatorSettings.Resolve(AnalyticsConfiguration.Load(path), new AggregateCommand.Settings(), null)));

        StringAssert.Contains(refusal.Message, "'Aggregator:LedgerDirectory' is set by --out only");
        StringAssert.Contains(refusal.Message, "TELEMETRY_Aggregator__LedgerDirectory");
    }

    [TestMethod]
    [DataRow(null, null, "127.0.0.1")]
    [DataRow(null, "0.0.0.0", "0.0.0.0")]
    [DataRow("::1", "0.0.0.0", "::1")]
    public void TheApiAddressComesFromTheFlagThenTheEnvironmentThenLoopback(string? flag, string? environment, string expected)
    {
        var address = WithVariable(ApiAddress.EnvironmentVariable, environment, () => ApiAddress.Resolve(flag));

        Assert.AreEqual(IPAddress.Parse(expected), address);
    }

    [TestMethod]
    public void AnApiAddressFromTheEnvironmentThatIsNoAddressIsRefusedNamingTheVariable()
    {
        var result = WithVariable(ApiAddress.EnvironmentVariable, "everywhere", () => new AggregateCommand.Settings { Bootstrap = "kafka:9092" }.Validate());

        Assert.IsFalse(result.Successful);
        StringAssert.Contains(result.Message, "TELEMETRY_API_ADDRESS 'everywhere' is not an IP address");
    }

    [TestMethod]
    [DataRow(null, "kafka-env:9092", "kafka-env:9092")]
    [DataRow("kafka-flag:9092", "kafka-env:9092", "kafka-flag:9092")]
    public void TheBrokerComesFromTheFlagThenTheEnvironment(string? flag, string environment, string expected)
    {
        var bootstrap = WithVariable("TELEMETRY_KAFKA_BOOTSTRAP", environment, () => new AggregateCommand.Settings { Bootstrap = flag }.KafkaOptions().BootstrapServers);

        Assert.AreEqual(expected, bootstrap);
    }

    private static T WithVariable<T>(string name, string? value, Func<T> read)
    {
        var before = Environment.GetEnvironmentVariable(name);
        Environment.SetEnvironmentVariable(name, value);
        try
        {
            return read();
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, before);
        }
    }

    private static T WithSettingsFile<T>(string json, Func<string, T> read)
    {
        var path = Path.Combine(Path.GetTempPath(), $"settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            return read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
