using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Telemetry.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// The kubelet's probes and Prometheus's scrape annotations of our workloads, against what the container's command
/// serves: the port it listens on (its <c>&lt;PORT&gt;</c> options or <c>--listen</c>, as given or by default), the paths
/// its host maps (the route literals in its sources), and an address the prober can reach (not loopback, unless the pod
/// is on the node's network and the probe asks for 127.0.0.1).
/// </summary>
internal static partial class ProbeCheck
{
    private static readonly string[] Workloads = ["Deployment", "DaemonSet"];

    /// <summary>The sources that map each command's HTTP routes.</summary>
    private static readonly Dictionary<string, string[]> HostSources = new(StringComparer.Ordinal)
    {
        ["aggregate"] = ["analytics/Telemetry.Api/HealthEndpoints.cs", "analytics/Telemetry.Api/LocalApiHost.cs"],
        ["agent"] = ["ingest/Telemetry.Agent/Throughput/LocalEndpoint.cs"],
        ["agent run"] = ["ingest/Telemetry.Agent/Throughput/LocalEndpoint.cs"],
    };

    /// <summary>Every problem with the probes and scrape annotations of the complete workloads in <paramref name="text"/>.</summary>
    public static IEnumerable<string> Problems(string name, string text, CliModel cli)
    {
        foreach (var document in Yaml.Documents(text).Where(d => Workloads.Contains(d.Get("kind").Text())))
        {
            var template = document.Get("spec").Get("template");
            var pod = template.Get("spec");
            var hostNetwork = pod.Get("hostNetwork").Text() == "true";
            foreach (var container in pod.Get("containers").Items().Where(c => Container.DockerfileFor(c.Get("image").Text()) is not null))
            {
                var source = $"{name} {document.Get("metadata").Get("name").Text()}/{container.Get("name").Text()}";
                var dockerfile = Container.DockerfileFor(container.Get("image").Text())!;
                var arguments = DockerfileCheck.TelemetryArguments(
                    new Container(source, dockerfile, List(container.Get("command")), List(container.Get("args")), []).CommandLine(Dockerfile.Parse(dockerfile, InfraFiles.Read(dockerfile))));
                var line = CommandLine.Parse(arguments ?? [], source, cli);
                var served = new Served(line, hostNetwork);
                foreach (var kind in new[] { "livenessProbe", "readinessProbe" })
                {
                    if (container.Get(kind).Get("httpGet") is not { } probe)
                    {
                        yield return $"{source}: no {kind} over HTTP";
                        continue;
                    }

                    var port = Port(probe.Get("port").Text(), container);
                    if (served.Problem(port, probe.Get("path").Text(), probe.Get("host").Text()) is { } problem)
                    {
                        yield return $"{source}: {kind} {problem}";
                    }
                }

                var annotations = template.Get("metadata").Get("annotations");
                if (annotations.Get("prometheus.io/scrape").Text() == "true"
                    && served.Problem(Port(annotations.Get("prometheus.io/port").Text(), container), annotations.Get("prometheus.io/path").Text() ?? "/metrics", null) is { } scrape)
                {
                    yield return $"{source}: the prometheus.io annotations {scrape}";
                }
            }
        }
    }

    private static int? Port(string? port, YamlNode container) =>
        int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number
        : container.Get("ports").Items().FirstOrDefault(p => p.Get("name").Text() == port)?.Get("containerPort").Text() is { } named ? int.Parse(named, CultureInfo.InvariantCulture)
        : null;

    private static List<string>? List(YamlNode? node) => node is YamlSequenceNode ? [.. node.Items().Select(i => i.Text() ?? "")] : null;

    [GeneratedRegex("""Map(?:Get|PrometheusScrapingEndpoint)\("(/[^"]*)"[,)]""")]
    private static partial Regex Route();

    /// <summary>What a command line serves: its ports, its paths, and whether it binds loopback only.</summary>
    private sealed class Served
    {
        private readonly CommandLine _line;
        private readonly bool _hostNetwork;
        private readonly IReadOnlySet<int> _ports;
        private readonly HashSet<string> _paths;
        private readonly bool _loopback;

        public Served(CommandLine line, bool hostNetwork)
        {
            _line = line;
            _hostNetwork = hostNetwork;
            _ports = DockerfileCheck.ListeningPorts(line);
            _paths = [.. HostSources.GetValueOrDefault(line.Path, []).SelectMany(f => Route().Matches(InfraFiles.Read(f))).Select(m => m.Groups[1].Value)];
            var host = line.Effective("api-address")
                ?? (Uri.TryCreate(line.Effective("listen"), UriKind.Absolute, out var listen) ? listen.Host : null)
                ?? "127.0.0.1";
            _loopback = host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
        }

        /// <summary>Why a request to <paramref name="port"/> and <paramref name="path"/> (from <paramref name="host"/>, else the pod's address) would fail; null when it is served.</summary>
        public string? Problem(int? port, string? path, string? host) =>
            port is null || !_ports.Contains(port.Value) ? $"asks port {port?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, but 'telemetry {_line.Path}' listens on {string.Join(", ", _ports.Order())}"
            : path is null || !_paths.Contains(path) ? $"asks {path ?? "no path"}, which 'telemetry {_line.Path}' does not serve ({string.Join(", ", _paths.Order(StringComparer.Ordinal))})"
            : _loopback && !(_hostNetwork && host is "127.0.0.1" or "localhost") ? $"cannot reach 'telemetry {_line.Path}', which binds loopback only: give --api-address 0.0.0.0 (or --listen on the pod's address), or on the node's network probe host 127.0.0.1"
            : !_loopback && host is not null && host is not "127.0.0.1" and not "localhost" ? $"asks host {host}, which is not this pod"
            : null;
    }
}
