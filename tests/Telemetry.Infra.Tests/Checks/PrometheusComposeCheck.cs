using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// The compose file's Prometheus against the processes it scrapes: it shares the aggregator's network namespace (the
/// aggregator serves /metrics on its loopback only), its scrape configuration names the aggregator's API port and the
/// agent's --listen port, and Grafana's Prometheus data source points at it.
/// </summary>
internal static class PrometheusComposeCheck
{
    private const string ConfigPath = "/etc/prometheus/prometheus.yml";
    private const int PrometheusPort = 9090;

    /// <summary>Every problem, each naming the compose file.</summary>
    public static IReadOnlyList<string> Problems(ComposeFile compose, CliModel cli)
    {
        var (name, prometheus) = compose.Services.FirstOrDefault(s => s.Value.Get("image").Text()?.StartsWith("prom/prometheus:", StringComparison.Ordinal) == true);
        if (prometheus is null)
        {
            return [$"{compose.Name}: has no prom/prometheus service to scrape the agent's and aggregator's /metrics"];
        }

        var problems = new List<string>();
        var (aggregator, apiPort, agent, listen) = Listeners(compose, cli);
        if (prometheus.Get("network_mode").Text() != $"service:{aggregator}")
        {
            problems.Add($"{compose.Name}: service {name} must run with network_mode service:{aggregator}, whose /metrics listens on its loopback only");
        }

        var config = GrafanaComposeCheck.Mounts(compose, prometheus).FirstOrDefault(m => m.Target == ConfigPath);
        if (config.Source is null)
        {
            return [.. problems, $"{compose.Name}: service {name} mounts no scrape configuration at {ConfigPath}"];
        }

        var jobs = Yaml.Documents(InfraFiles.Read(config.Source))[0].Get("scrape_configs").Items()
            .ToDictionary(j => j.Get("job_name").Text() ?? "", j => j, StringComparer.Ordinal);
        Expect(problems, config.Source, jobs, "telemetry-aggregator", $"127.0.0.1:{apiPort}");
        Expect(problems, config.Source, jobs, "telemetry-agent", listen is null ? "(agent --listen off)" : $"{agent}:{listen.Port}");
        if (listen is not null && listen.Host is not ("0.0.0.0" or "[::]" or "+" or "*"))
        {
            problems.Add($"{compose.Name}: the agent listens on {listen.Host} only, which Prometheus in another container cannot reach");
        }

        var grafana = compose.Services.FirstOrDefault(s => s.Value.Get("image").Text()?.StartsWith("grafana/", StringComparison.Ordinal) == true).Value;
        var url = grafana is null ? null : ComposeFile.Environment(grafana).GetValueOrDefault("PROMETHEUS_URL");
        if (url != $"http://{aggregator}:{PrometheusPort}")
        {
            problems.Add($"{compose.Name}: Grafana's PROMETHEUS_URL '{url}' must be http://{aggregator}:{PrometheusPort}, where Prometheus listens in {aggregator}'s network namespace");
        }

        return problems;
    }

    private static (string? Aggregator, string? ApiPort, string? Agent, Uri? Listen) Listeners(ComposeFile compose, CliModel cli)
    {
        (string?, string?, string?, Uri?) found = default;
        foreach (var container in compose.Containers())
        {
            var image = Dockerfile.Parse(container.Dockerfile, InfraFiles.Read(container.Dockerfile));
            var line = CommandLine.Parse(DockerfileCheck.TelemetryArguments(container.CommandLine(image)) ?? [], container.Source, cli);
            var service = container.Source.Split(' ')[^1];
            if (line.Path == "aggregate")
            {
                found = (service, line.Effective("api-port"), found.Item3, found.Item4);
            }
            else if (line.Path is "agent" or "agent run")
            {
                var listen = line.Effective("listen");
                found = (found.Item1, found.Item2, service, listen is null or "off" ? null : new Uri(listen));
            }
        }

        return found;
    }

    private static void Expect(List<string> problems, string file, Dictionary<string, YamlDotNet.RepresentationModel.YamlNode> jobs, string job, string target)
    {
        if (!jobs.TryGetValue(job, out var config))
        {
            problems.Add($"{file}: has no scrape job {job}");
            return;
        }

        var targets = config.Get("static_configs").Items().SelectMany(c => c.Get("targets").Items().Select(t => t.Text())).ToList();
        if (config.Get("metrics_path").Text() is not (null or "/metrics") || !targets.Contains(target))
        {
            problems.Add($"{file}: job {job} must scrape {target}/metrics (targets {string.Join(", ", targets)})");
        }
    }
}
