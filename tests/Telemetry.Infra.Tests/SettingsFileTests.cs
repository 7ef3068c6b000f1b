using System.Reflection;
using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Analytics;
using Telemetry.Infra.Tests.Checks;
using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests;

/// <summary>The aggregator's settings files (compose's --config, the Kubernetes ConfigMap's data): every key binds.</summary>
[TestClass]
public sealed class SettingsFileTests
{
    private static readonly string[] Files = ["infra/compose/aggregator/settings.json", "infra/k8s/aggregator-settings.json"];

    [TestMethod]
    public void EveryKeyOfTheAggregatorSettingsBindsARealProperty()
    {
        var problems = Files.SelectMany(f => SettingsFileCheck.Problems(f, InfraFiles.Read(f), TelemetrySettings.Aggregator)).ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        Assert.IsGreaterThanOrEqualTo(20, Files.Sum(f => SettingsFileCheck.Keys(System.Text.Json.JsonDocument.Parse(InfraFiles.Read(f)).RootElement, "").Count()));
    }

    [TestMethod]
    public void TheSettingsFilesAreTheOnesTheDeploymentsPassToTheAggregator()
    {
        StringAssert.Contains(InfraFiles.Read("infra/compose/compose.yaml"), "./aggregator/settings.json:/etc/telemetry/settings.json:ro");
        StringAssert.Contains(InfraFiles.Read("infra/k8s/kustomization.yaml"), "settings.json=aggregator-settings.json");
    }

    [TestMethod]
    public void TheAggregatorItselfLoadsAndValidatesTheSettingsFiles()
    {
        foreach (var file in Files)
        {
            var configuration = LoadAnalyticsConfiguration(RepositoryRoot.Combine(file));

            Invoke(configuration, "Aggregator", new AggregatorOptions());
            Invoke(configuration, "Influx");
            CreateAlertingHost(configuration);
        }
    }

    [TestMethod]
    public void AMisspelledKeyIsReportedAndTheAggregatorRefusesItToo()
    {
        var json = Mutation.Replace(InfraFiles.Read(Files[1]), "\"IdlePartitionTimeout\"", "\"IdlePartitionTimeot\"");
        var path = Path.Combine(Path.GetTempPath(), $"telemetry-settings-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, json);
        try
        {
            var problems = SettingsFileCheck.Problems(Files[1], json, TelemetrySettings.Aggregator);
            var refusal = Assert.Throws<ArgumentException>(() => Invoke(LoadAnalyticsConfiguration(path), "Aggregator", new AggregatorOptions()));

            Assert.HasCount(1, problems);
            StringAssert.Contains(problems[0], "'Aggregator:IdlePartitionTimeot': AggregatorOptions has no setting 'IdlePartitionTimeot'");
            StringAssert.Contains(refusal.Message, "IdlePartitionTimeot");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void AMisspelledAlertingKeyIsReportedThoughTheBinderWouldIgnoreIt()
    {
        var json = Mutation.Replace(InfraFiles.Read(Files[0]), "\"GroupWait\"", "\"GroupWiat\"");

        var problems = SettingsFileCheck.Problems(Files[0], json, TelemetrySettings.Aggregator);

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "'Alerting:Routing:GroupWiat': AlertRoutingOptions has no setting 'GroupWiat'");
    }

    [TestMethod]
    public void ASettingTheAggregateCommandTakesFromAFlagIsReported()
    {
        var json = Mutation.Replace(InfraFiles.Read(Files[0]), "\"IdlePartitionTimeout\"", "\"GroupId\": \"other\", \"IdlePartitionTimeout\"");

        var problems = SettingsFileCheck.Problems(Files[0], json, TelemetrySettings.Aggregator);

        CollectionAssert.AreEqual(new[] { $"{Files[0]}: 'Aggregator:GroupId' is not read: aggregate sets it from --group" }, problems.ToArray());
    }

    [TestMethod]
    public void AListIndexedByNameIsReported()
    {
        Assert.AreEqual(
            "'Alerting:Webhooks:platform:Url': 'Alerting:Webhooks' is a list, indexed by number, not 'platform'",
            TelemetrySettings.Aggregator.Problem("Alerting:Webhooks:platform:Url"));
        Assert.IsNull(TelemetrySettings.Aggregator.Problem("Alerting:Webhooks:0:Url"));
    }

    // AnalyticsConfiguration and AlertingHost are the CLI's own (internal) types: the very code `telemetry aggregate` runs.
    private static object LoadAnalyticsConfiguration(string path) =>
        CliType("Telemetry.Cli.AnalyticsConfiguration").GetMethod("Load", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [path])!;

    private static void CreateAlertingHost(object configuration)
    {
        var ledger = Directory.CreateTempSubdirectory("telemetry-ledger-");
        try
        {
            var host = (IAsyncDisposable)CliType("Telemetry.Cli.AlertingHost").GetMethod("Create", BindingFlags.Public | BindingFlags.Static)!
                .Invoke(null, [configuration, ledger.FullName, NullLoggerFactory.Instance, null])!;
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
        finally
        {
            ledger.Delete(recursive: true);
        }
    }

    private static object? Invoke(object target, string method, params object[] arguments)
    {
        try
        {
            return target.GetType().GetMethod(method)!.Invoke(target, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static Type CliType(string name) => Assembly.Load("telemetry").GetType(name, throwOnError: true)!;
}
