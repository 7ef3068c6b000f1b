using Telemetry.Infra.Tests.Checks;
using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests;

/// <summary>The images under infra/docker: what they run, as whom, and which ports they EXPOSE.</summary>
[TestClass]
public sealed class DockerfileTests
{
    private const string Agent = "infra/docker/agent.Dockerfile";
    private const string Aggregator = "infra/docker/aggregator.Dockerfile";

    [TestMethod]
    public void EveryImageRunsARealCommandAsANonRootUserAndExposesWhatItListensOn()
    {
        var files = InfraFiles.Dockerfiles();

        var problems = files.SelectMany(f => DockerfileCheck.Problems(Load(f), CliModel.Telemetry)).ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        CollectionAssert.AreEquivalent(new[] { Agent, Aggregator, "infra/docker/functions.Dockerfile" }, files.ToArray());
    }

    [TestMethod]
    public void TheAgentImageRunsTheAgentAndExposesItsEndpointPort()
    {
        var image = Load(Agent);
        var line = CommandLine.Parse(DockerfileCheck.TelemetryArguments(image.Entrypoint!)!, Agent, CliModel.Telemetry);

        Assert.AreEqual("agent", line.Path);
        Assert.AreEqual("http://127.0.0.1:9410", line.Effective("listen"), "the agent's default endpoint, from its [DefaultValue]");
        CollectionAssert.AreEquivalent(new[] { 9410 }, image.Exposed.ToArray());
    }

    [TestMethod]
    public void TheAgentImageRunsTheAheadOfTimeCompiledBinaryItsBuildPublishes()
    {
        var image = Load(Agent);
        var project = InfraFiles.Read("ingest/Telemetry.Agent.Host/Telemetry.Agent.Host.csproj");

        CollectionAssert.AreEqual(new[] { "/app/telemetry-agent" }, image.Entrypoint!.ToArray());
        Assert.Contains("<AssemblyName>telemetry-agent</AssemblyName>", project);
        Assert.Contains("<PublishAot>true</PublishAot>", project);
        Assert.Contains("dotnet publish ingest/Telemetry.Agent.Host/Telemetry.Agent.Host.csproj", InfraFiles.Read(Agent));
    }

    [TestMethod]
    public void AMisspelledOptionOfTheAgentBinaryIsReported()
    {
        var image = Mutated(Agent, "ENTRYPOINT [\"/app/telemetry-agent\"]", "ENTRYPOINT [\"/app/telemetry-agent\", \"--colector\", \"nvml\"]");

        var problems = DockerfileCheck.Problems(image, CliModel.Telemetry);

        Assert.IsTrue(problems.Any(p => p.Contains("has no option '--colector'", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void TheAggregatorImageRunsAggregateAndExposesItsApiPort()
    {
        var image = Load(Aggregator);
        var line = CommandLine.Parse(DockerfileCheck.TelemetryArguments(image.Entrypoint!)!, Aggregator, CliModel.Telemetry);

        Assert.AreEqual("aggregate", line.Path);
        Assert.AreEqual("9400", line.Effective("api-port"));
        CollectionAssert.AreEquivalent(new[] { 9400 }, DockerfileCheck.ListeningPorts(line).ToArray());
    }

    [TestMethod]
    public void AMisspelledOptionInTheEntrypointIsReported()
    {
        var image = Mutated(Aggregator, "\"aggregate\"]", "\"aggregate\", \"--bootstarp\", \"kafka:9092\"]");

        var problems = DockerfileCheck.Problems(image, CliModel.Telemetry);

        Assert.IsTrue(problems.Any(p => p.Contains("has no option '--bootstarp'", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void ACommandTheCliLacksIsReported()
    {
        var image = Mutated(Aggregator, "\"aggregate\"]", "\"aggregator\"]");

        var problems = DockerfileCheck.Problems(image, CliModel.Telemetry);

        Assert.IsTrue(problems.Any(p => p.Contains("'aggregator'", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void AnExposedPortTheCommandDoesNotListenOnIsReported()
    {
        var image = Mutated(Agent, "EXPOSE 9410", "EXPOSE 9400");

        var problems = DockerfileCheck.Problems(image, CliModel.Telemetry);

        Assert.Contains("infra/docker/agent.Dockerfile: EXPOSEs 9400 but 'telemetry agent' listens on 9410", problems);
    }

    [TestMethod]
    public void AnExposedPortFollowsAPortGivenOnTheCommandLine()
    {
        var image = Mutated(Aggregator, "\"aggregate\"]", "\"aggregate\", \"--api-port\", \"9500\"]");

        var problems = DockerfileCheck.Problems(image, CliModel.Telemetry);

        Assert.Contains("infra/docker/aggregator.Dockerfile: EXPOSEs 9400 but 'telemetry aggregate' listens on 9500", problems);
    }

    [TestMethod]
    public void AnImageThatRunsAsRootIsReported()
    {
        var image = Mutated(Agent, "USER 1654", "USER root");

        var problems = DockerfileCheck.Problems(image, CliModel.Telemetry);

        Assert.IsTrue(problems.Any(p => p.Contains("non-root", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void AShellFormEntrypointIsReported()
    {
        var image = Mutated(Agent, "ENTRYPOINT [\"/app/telemetry-agent\"]", "ENTRYPOINT /app/telemetry-agent");

        var problems = DockerfileCheck.Problems(image, CliModel.Telemetry);

        Assert.IsTrue(problems.Any(p => p.Contains("exec form", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void TheFunctionsImageExposesThePortItsHostListensOn()
    {
        var image = Mutated("infra/docker/functions.Dockerfile", "ASPNETCORE_URLS=http://+:8080", "ASPNETCORE_URLS=http://+:8081");

        var problems = DockerfileCheck.Problems(image, CliModel.Telemetry);

        Assert.Contains("infra/docker/functions.Dockerfile: EXPOSEs 8080 but the Functions host listens on 8081 (ASPNETCORE_URLS)", problems);
    }

    private static Dockerfile Load(string path) => Dockerfile.Parse(path, InfraFiles.Read(path));

    private static Dockerfile Mutated(string path, string from, string to) => Dockerfile.Parse(path, Mutation.Replace(InfraFiles.Read(path), from, to));
}
