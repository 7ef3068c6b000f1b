using Telemetry.Infra.Tests.Checks;
using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests;

/// <summary>infra/compose: our containers' command lines and environment, Grafana's wiring, and the .env example.</summary>
[TestClass]
public sealed class ComposeTests
{
    private const string Compose = "infra/compose/compose.yaml";

    [TestMethod]
    public void TheAgentAndAggregatorRunRealOptionsAndSetOnlyVariablesTheCodeReads()
    {
        var containers = ComposeFile.Load(Compose).Containers().ToList();

        var problems = containers.SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        CollectionAssert.AreEquivalent(new[] { "infra/docker/agent.Dockerfile", "infra/docker/aggregator.Dockerfile" }, containers.Select(c => c.Dockerfile).ToArray());
        Assert.IsGreaterThanOrEqualTo(6, containers.Sum(c => c.Environment.Count), "the bootstrap on both, the InfluxDB settings on the aggregator");
    }

    [TestMethod]
    public void AMisspelledSettingVariableIsReported()
    {
        var compose = Mutated("TELEMETRY_Influx__Token:", "TELEMETRY_Influx__Tokn:");

        var problems = compose.Containers().SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "TELEMETRY_Influx__Tokn: 'Influx:Tokn': InfluxOptions has no setting 'Tokn'");
    }

    [TestMethod]
    public void AMisspelledBootstrapVariableIsReported()
    {
        var compose = Mutated("TELEMETRY_KAFKA_BOOTSTRAP:", "TELEMETRY_KAFKA_BOOTSTRAPS:");

        var problems = compose.Containers().SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        Assert.IsTrue(problems.Any(p => p.Contains("TELEMETRY_KAFKA_BOOTSTRAPS", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void ASettingVariableOnACommandThatReadsNoSettingsIsReported()
    {
        var compose = Mutated("      TELEMETRY_KAFKA_BOOTSTRAP: kafka-1:9092,kafka-2:9092,kafka-3:9092\n    # --listen", "      TELEMETRY_KAFKA_BOOTSTRAP: kafka-1:9092\n      TELEMETRY_Influx__Url: http://influxdb:8086\n    # --listen");

        var problems = compose.Containers().SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "'telemetry agent' reads no TELEMETRY_ settings besides TELEMETRY_API_ADDRESS, TELEMETRY_KAFKA_BOOTSTRAP");
    }

    [TestMethod]
    public void AMisspelledOptionInAServiceCommandIsReported()
    {
        var compose = Mutated("      - --hpc-job-map\n", "      - --hpc-jobmap\n");

        var problems = compose.Containers().SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        Assert.IsTrue(problems.Any(p => p.Contains("has no option '--hpc-jobmap'", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void GrafanaIsProvisionedFromInfraGrafanaAndReadsWhatTheAggregatorWrites()
    {
        var problems = GrafanaComposeCheck.Problems(ComposeFile.Load(Compose), CliModel.Telemetry);

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void PrometheusScrapesTheAggregatorsAndTheAgentsMetricsAndGrafanaReadsIt()
    {
        var problems = PrometheusComposeCheck.Problems(ComposeFile.Load(Compose), CliModel.Telemetry);

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void APrometheusOutsideTheAggregatorsNetworkIsReported()
    {
        var compose = Mutated("    network_mode: service:aggregator\n    depends_on: [aggregator]\n    command: [\"--config.file", "    depends_on: [aggregator]\n    command: [\"--config.file");

        var problems = PrometheusComposeCheck.Problems(compose, CliModel.Telemetry);

        Assert.HasCount(1, problems, string.Join(Environment.NewLine, problems));
        StringAssert.Contains(problems[0], "must run with network_mode service:aggregator");
    }

    [TestMethod]
    public void AnAgentListeningOnAnotherPortThanPrometheusScrapesIsReported()
    {
        var compose = Mutated("      - http://0.0.0.0:9410", "      - http://0.0.0.0:9411");

        var problems = PrometheusComposeCheck.Problems(compose, CliModel.Telemetry);

        Assert.IsTrue(problems.Any(p => p.Contains("job telemetry-agent must scrape agent:9411/metrics", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void DashboardsMountedElsewhereThanTheProviderReadsAreReported()
    {
        var compose = Mutated("../grafana/dashboards:/var/lib/grafana/dashboards/telemetry", "../grafana/dashboards:/var/lib/grafana/dashboards");

        var problems = GrafanaComposeCheck.Problems(compose, CliModel.Telemetry);

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "must mount infra/grafana/dashboards at /var/lib/grafana/dashboards/telemetry");
    }

    [TestMethod]
    public void AVariableTheDataSourceNeedsLeftUnsetIsReported()
    {
        var compose = Mutated("      INFLUX_TOKEN: ${INFLUX_TOKEN:?set INFLUX_TOKEN in .env}\n      GF_", "      GF_");

        var problems = GrafanaComposeCheck.Problems(compose, CliModel.Telemetry);

        Assert.Contains("infra/compose/compose.yaml: service grafana does not set INFLUX_TOKEN, which infra/grafana/provisioning/datasources/influxdb.yaml uses", problems);
    }

    [TestMethod]
    public void ABucketOtherThanTheOneGrafanaReadsIsReported()
    {
        var compose = Mutated("TELEMETRY_Influx__Bucket: telemetry", "TELEMETRY_Influx__Bucket: gpus");

        var problems = GrafanaComposeCheck.Problems(compose, CliModel.Telemetry);

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "writes bucket 'gpus'");
    }

    [TestMethod]
    public void TheEnvExampleSetsEveryVariableTheComposeFileRequires()
    {
        var problems = EnvExampleCheck.Problems(Compose, InfraFiles.Read(Compose), "infra/compose/.env.example", InfraFiles.Read("infra/compose/.env.example"));

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void ARequiredVariableMissingFromTheEnvExampleIsReported()
    {
        var example = Mutation.Replace(InfraFiles.Read("infra/compose/.env.example"), "NODE_NAME=gpu-node-1\n", "");

        var problems = EnvExampleCheck.Problems(Compose, InfraFiles.Read(Compose), "infra/compose/.env.example", example);

        CollectionAssert.AreEqual(new[] { "infra/compose/compose.yaml requires NODE_NAME, which infra/compose/.env.example does not set" }, problems.ToArray());
    }

    private static ComposeFile Mutated(string from, string to) => ComposeFile.Load(Compose, Mutation.Replace(InfraFiles.Read(Compose), from, to));
}
