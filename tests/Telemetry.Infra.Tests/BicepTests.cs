using System.Text.Json;
using Telemetry.Infra.Tests.Checks;
using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests;

/// <summary>infra/azure/main.bicep's app settings against what functions/Telemetry.Functions reads, and its parameters file.</summary>
[TestClass]
public sealed class BicepTests
{
    private const string Template = "infra/azure/main.bicep";

    [TestMethod]
    public void EveryAppSettingIsOneTheFunctionsAppOrItsHostReads()
    {
        var bicep = InfraFiles.Read(Template);

        var problems = BicepCheck.Problems(Template, bicep, TelemetrySettings.FunctionsApp);

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        var names = BicepCheck.AppSettings(bicep).Select(s => s.Name).ToList();
        CollectionAssert.IsSubsetOf(
            new[] { "Influx__Url", "Influx__Token", "Ledger__Directory", "Alerting__Delivery__Directory", "Alerting__Webhooks__0__Url", "Alerting__Webhooks__0__Secret", "APPLICATIONINSIGHTS_CONNECTION_STRING" },
            names);
    }

    [TestMethod]
    public void TheSchemaAcceptsTheFunctionsAppsOwnExampleSettings()
    {
        using var example = JsonDocument.Parse(File.ReadAllText(RepositoryRoot.Combine("functions", "Telemetry.Functions", "local.settings.example.json")));

        var problems = example.RootElement.GetProperty("Values").EnumerateObject()
            .Where(v => !BicepCheck.Platform.Contains(v.Name))
            .Select(v => TelemetrySettings.FunctionsApp.Problem(v.Name.Replace("__", ":", StringComparison.Ordinal)))
            .OfType<string>()
            .ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void AMisspelledAppSettingIsReported()
    {
        var bicep = Mutation.Replace(InfraFiles.Read(Template), "{ name: 'Influx__Url',", "{ name: 'Influx__Ur',");

        var problems = BicepCheck.Problems(Template, bicep, TelemetrySettings.FunctionsApp);

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "app setting Influx__Ur: 'Influx:Ur': InfluxOptions has no setting 'Ur'");
    }

    [TestMethod]
    public void ASecretThatIsNoKeyVaultReferenceIsReported()
    {
        var bicep = Mutation.Replace(InfraFiles.Read(Template), "value: '@Microsoft.KeyVault(SecretUri=${secrets}/${influxTokenSecretName}/)' }", "value: influxToken }");

        var problems = BicepCheck.Problems(Template, bicep, TelemetrySettings.FunctionsApp);

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "app setting Influx__Token holds a secret");
    }

    [TestMethod]
    public void ALedgerDirectoryOtherThanTheMountIsReported()
    {
        var bicep = Mutation.Replace(InfraFiles.Read(Template), "{ name: 'Ledger__Directory', value: ledgerMountPath }", "{ name: 'Ledger__Directory', value: '/home/ledger' }");

        var problems = BicepCheck.Problems(Template, bicep, TelemetrySettings.FunctionsApp);

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "Ledger__Directory ('/home/ledger') must be the mountPath");
    }

    [TestMethod]
    public void TheParametersFileGivesTheTemplatesParameters()
    {
        var problems = BicepCheck.ParameterProblems("infra/azure/main.parameters.json", InfraFiles.Read(Template), InfraFiles.Read("infra/azure/main.parameters.json"));

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void AParameterTheTemplateLacksAndOneItRequiresAreReported()
    {
        var parameters = Mutation.Replace(InfraFiles.Read("infra/azure/main.parameters.json"), "\"appName\":", "\"appname\":");

        var problems = BicepCheck.ParameterProblems("infra/azure/main.parameters.json", InfraFiles.Read(Template), parameters);

        CollectionAssert.AreEquivalent(
            new[] { "infra/azure/main.parameters.json: gives 'appname', which the template does not declare", "infra/azure/main.parameters.json: leaves out 'appName', which the template requires" },
            problems.ToArray());
    }
}
