using System.Diagnostics;
using Telemetry.Infra.Tests.Checks;
using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests;

/// <summary>infra/k8s: our containers' command lines, environment and resources, in the sources and as kustomize renders them.</summary>
[TestClass]
public sealed class KubernetesTests
{
    private static readonly IReadOnlyList<string> Manifests = [.. InfraFiles.Yaml().Where(f => f.StartsWith("infra/k8s/", StringComparison.Ordinal))];

    [TestMethod]
    public void EveryContainerOfOursRunsRealOptionsAndSetsOnlyVariablesTheCodeReads()
    {
        var containers = Manifests.SelectMany(f => KubernetesManifests.Containers(f, InfraFiles.Read(f))).ToList();

        var problems = containers.SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        Assert.HasCount(4, containers, "agent and aggregator, and the patches of components/nvml and components/webhook: " + string.Join(", ", containers.Select(c => c.Source)));
    }

    [TestMethod]
    public void AMisspelledWebhookVariableIsReported()
    {
        const string patch = "infra/k8s/components/webhook/aggregator-webhook.yaml";
        var text = Mutation.Replace(InfraFiles.Read(patch), "TELEMETRY_Alerting__Webhooks__0__Url", "TELEMETRY_Alerting__Webhook__0__Url");

        var problems = KubernetesManifests.Containers(patch, text).SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "TELEMETRY_Alerting__Webhook__0__Url: 'Alerting:Webhook:0:Url' is in no section this host reads");
    }

    [TestMethod]
    public void AnArgumentTheCliLacksIsReported()
    {
        const string daemonSet = "infra/k8s/agent-daemonset.yaml";
        var text = Mutation.Replace(InfraFiles.Read(daemonSet), "            - --spool\n", "            - --spool-dir\n");

        var problems = KubernetesManifests.Containers(daemonSet, text).SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        Assert.IsTrue(problems.Any(p => p.Contains("has no option '--spool-dir'", StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void AVariableNeitherReadNorSubstitutedIsReported()
    {
        const string daemonSet = "infra/k8s/agent-daemonset.yaml";
        var text = Mutation.Replace(InfraFiles.Read(daemonSet), "http://$(NODE_IP):9400/metrics", "http://localhost:9400/metrics");

        var problems = KubernetesManifests.Containers(daemonSet, text).SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry)).ToList();

        CollectionAssert.AreEqual(new[] { "infra/k8s/agent-daemonset.yaml telemetry-agent/agent: NODE_IP is read by neither the telemetry CLI nor the runtimes" }, problems.ToArray());
    }

    [TestMethod]
    public void EveryWorkloadOfOursIsProbedAndScrapedWhereItsCommandServes()
    {
        var problems = Manifests.SelectMany(f => ProbeCheck.Problems(f, InfraFiles.Read(f), CliModel.Telemetry)).ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        var aggregator = Yaml.Documents(InfraFiles.Read("infra/k8s/aggregator-deployment.yaml"))[0].Get("spec").Get("template");
        Assert.AreEqual("true", aggregator.Get("metadata").Get("annotations").Get("prometheus.io/scrape").Text());
    }

    [TestMethod]
    [DataRow("infra/k8s/aggregator-deployment.yaml", "              path: /readyz\n", "              path: /ready\n", "readinessProbe asks /ready, which 'telemetry aggregate' does not serve (/healthz, /metrics, /readyz)")]
    [DataRow("infra/k8s/aggregator-deployment.yaml", "            - --api-address\n            - 0.0.0.0\n", "", "livenessProbe cannot reach 'telemetry aggregate', which binds loopback only")]
    [DataRow("infra/k8s/aggregator-deployment.yaml", "        prometheus.io/port: \"9400\"", "        prometheus.io/port: \"9401\"", "the prometheus.io annotations asks port 9401, but 'telemetry aggregate' listens on 9400")]
    [DataRow("infra/k8s/aggregator-deployment.yaml", "              containerPort: 9400", "              containerPort: 9410", "livenessProbe asks port 9410, but 'telemetry aggregate' listens on 9400")]
    [DataRow("infra/k8s/agent-daemonset.yaml", "              path: /healthz\n              port: 9410\n            periodSeconds: 10", "              path: /readyz\n              port: 9410\n            periodSeconds: 10", "readinessProbe asks /readyz, which 'telemetry agent' does not serve (/healthz, /metrics)")]
    [DataRow("infra/k8s/agent-daemonset.yaml", "      hostNetwork: true\n", "", "livenessProbe cannot reach 'telemetry agent', which binds loopback only")]
    public void AProbeOrScrapeTheCommandDoesNotServeIsReported(string file, string from, string to, string expected)
    {
        var text = Mutation.Replace(InfraFiles.Read(file), from, to);

        var problems = ProbeCheck.Problems(file, text, CliModel.Telemetry).ToList();

        Assert.IsTrue(problems.Any(p => p.Contains(expected, StringComparison.Ordinal)), string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void TheApiAddressVariableCountsAsOneTheCliReads()
    {
        var read = TelemetrySettings.ReadByName;

        Assert.Contains("TELEMETRY_API_ADDRESS", read);
        Assert.Contains("TELEMETRY_KAFKA_BOOTSTRAP", read);
    }

    [TestMethod]
    public void EveryContainerRequestsAndLimitsItsResources()
    {
        var problems = Manifests.SelectMany(f => ResourceProblems(f, InfraFiles.Read(f))).ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
    }

    [TestMethod]
    public void AContainerWithoutAMemoryLimitIsReported()
    {
        const string deployment = "infra/k8s/aggregator-deployment.yaml";
        var text = Mutation.Replace(InfraFiles.Read(deployment), "              memory: 2Gi\n", "");

        var problems = ResourceProblems(deployment, text).ToList();

        CollectionAssert.AreEqual(new[] { "infra/k8s/aggregator-deployment.yaml telemetry-aggregator/aggregator: no limits.memory" }, problems.ToArray());
    }

    [TestMethod]
    public void TheAgentRunsOnGpuNodesOnly()
    {
        var pod = Yaml.Documents(InfraFiles.Read("infra/k8s/agent-daemonset.yaml"))[0].Get("spec").Get("template").Get("spec");

        Assert.AreEqual("true", pod.Get("nodeSelector").Get("nvidia.com/gpu.present").Text());
        Assert.IsTrue(pod.Get("tolerations").Items().Any(t => t.Get("key").Text() == "nvidia.com/gpu"));
        Assert.AreEqual("true", pod.Get("hostNetwork").Text(), "so that jobs on the node reach the agent's loopback endpoint");
    }

    [TestMethod]
    public void KustomizeRendersTheBaseAndEveryComponentIntoWhatTheChecksAccept()
    {
        var rendered = Render();

        var containers = KubernetesManifests.Containers("kustomize build", rendered).ToList();
        var problems = containers.SelectMany(c => ContainerCheck.Problems(c, CliModel.Telemetry))
            .Concat(ResourceProblems("kustomize build", rendered))
            .ToList();

        Assert.IsEmpty(problems, string.Join(Environment.NewLine, problems));
        Assert.IsEmpty(ProbeCheck.Problems("kustomize build", rendered, CliModel.Telemetry));
        Assert.HasCount(2, containers);
        var aggregator = containers.Single(c => c.Dockerfile.EndsWith("aggregator.Dockerfile", StringComparison.Ordinal));
        CollectionAssert.IsSubsetOf(new[] { "TELEMETRY_Influx__Token", "TELEMETRY_Alerting__Webhooks__0__Secret" }, aggregator.Environment.ToArray());
        var settings = Yaml.Documents(rendered).Single(d => d.Get("kind").Text() == "ConfigMap" && d.Get("data").Get("settings.json") is not null).Get("data").Get("settings.json").Text()!;
        Assert.IsEmpty(SettingsFileCheck.Problems("rendered ConfigMap", settings, TelemetrySettings.Aggregator));
    }

    private static IEnumerable<string> ResourceProblems(string name, string text)
    {
        foreach (var document in Yaml.Documents(text).Where(d => d.Get("kind").Text() is "Deployment" or "DaemonSet"))
        {
            var pod = document.Get("spec").Get("template").Get("spec");
            foreach (var container in pod.Get("initContainers").Items().Concat(pod.Get("containers").Items()).Where(c => c.Get("image") is not null))
            {
                var resources = container.Get("resources");
                foreach (var missing in new[] { "requests.cpu", "requests.memory", "limits.memory" }.Where(r => resources.Get(r.Split('.')[0]).Get(r.Split('.')[1]) is null))
                {
                    yield return $"{name} {document.Get("metadata").Get("name").Text()}/{container.Get("name").Text()}: no {missing}";
                }
            }
        }
    }

    // kubectl's built-in kustomize, on a copy of infra/k8s with the secrets files made from their examples.
    private static string Render()
    {
        var copy = Directory.CreateTempSubdirectory("telemetry-k8s-");
        try
        {
            foreach (var file in Directory.EnumerateFiles(RepositoryRoot.Combine("infra", "k8s"), "*", SearchOption.AllDirectories))
            {
                var target = Path.Combine(copy.FullName, Path.GetRelativePath(RepositoryRoot.Combine("infra", "k8s"), file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target.EndsWith(".env.example", StringComparison.Ordinal) ? target[..^".example".Length] : target);
            }

            File.AppendAllText(Path.Combine(copy.FullName, "kustomization.yaml"), "components:\n  - components/nvml\n  - components/webhook\n");
            return Kubectl("kustomize", copy.FullName);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    private static string Kubectl(params string[] arguments)
    {
        var start = new ProcessStartInfo("kubectl") { RedirectStandardOutput = true, RedirectStandardError = true };
        arguments.ToList().ForEach(start.ArgumentList.Add);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Inconclusive("kubectl is not installed: the rendered manifests were not checked.");
            throw;
        }

        using (process)
        {
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode, error.Result);
            return output;
        }
    }
}
