using System.Text.Json;
using Telemetry.Infra.Tests.Support;
using YamlDotNet.Core;

namespace Telemetry.Infra.Tests;

/// <summary>Every YAML (each document of a stream) and JSON file under infra/ parses.</summary>
[TestClass]
public sealed class InfraFilesParseTests
{
    [TestMethod]
    public void EveryYamlDocumentUnderInfraParses()
    {
        var files = InfraFiles.Yaml();
        var problems = files.Select(f => YamlProblem(f, InfraFiles.Read(f))).OfType<string>().ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        Assert.IsGreaterThanOrEqualTo(10, files.Count, "compose, Kubernetes and Grafana provisioning files: " + string.Join(", ", files));
        Assert.IsGreaterThanOrEqualTo(files.Count, files.Sum(f => Yaml.Documents(InfraFiles.Read(f)).Count));
    }

    [TestMethod]
    public void EveryJsonFileUnderInfraParses()
    {
        var files = InfraFiles.Json();
        var problems = files.Select(f => JsonProblem(f, InfraFiles.Read(f))).OfType<string>().ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        Assert.IsGreaterThanOrEqualTo(8, files.Count, "dashboards, settings and parameters: " + string.Join(", ", files));
    }

    [TestMethod]
    public void EveryDocumentOfAMultiDocumentStreamIsRead()
    {
        var documents = Yaml.Documents("kind: Namespace\n---\nkind: ConfigMap\n---\nkind: Secret\n");

        CollectionAssert.AreEqual(new[] { "Namespace", "ConfigMap", "Secret" }, documents.Select(d => d.Get("kind").Text()).ToArray());
    }

    [TestMethod]
    public void ABrokenYamlFileIsReportedWithWhereItBreaks()
    {
        var broken = Mutation.Replace(InfraFiles.Read("infra/compose/compose.yaml"), "    restart: unless-stopped\n", "   restart: [unless-stopped\n");

        var problem = YamlProblem("infra/compose/compose.yaml", broken);

        Assert.IsNotNull(problem);
        StringAssert.Contains(problem, "infra/compose/compose.yaml");
    }

    [TestMethod]
    public void ABrokenJsonFileIsReported()
    {
        var broken = Mutation.Replace(InfraFiles.Read("infra/k8s/aggregator-settings.json"), "\"Influx\": {", "\"Influx\" {");

        Assert.IsNotNull(JsonProblem("infra/k8s/aggregator-settings.json", broken));
    }

    private static string? YamlProblem(string name, string text)
    {
        try
        {
            _ = Yaml.Documents(text);
            return null;
        }
        catch (YamlException e)
        {
            return $"{name}: {e.Message}";
        }
    }

    private static string? JsonProblem(string name, string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
            return null;
        }
        catch (JsonException e)
        {
            return $"{name}: {e.Message}";
        }
    }
}
