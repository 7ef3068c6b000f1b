using System.Text.RegularExpressions;
using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// The compose file's Grafana against infra/grafana's provisioning: both folders mounted where that provisioning
/// expects them, every variable the data source uses set, its URL naming the InfluxDB service, and the data source
/// reading what the aggregator writes (database mapped by the InfluxDB init script, bucket, org, window).
/// </summary>
internal static partial class GrafanaComposeCheck
{
    private const string Provisioning = "infra/grafana/provisioning";
    private const string Dashboards = "infra/grafana/dashboards";

    /// <summary>Every problem, each naming the compose file.</summary>
    public static IReadOnlyList<string> Problems(ComposeFile compose, CliModel cli)
    {
        var problems = new List<string>();
        var (name, grafana) = compose.Services.FirstOrDefault(s => s.Value.Get("image").Text()?.StartsWith("grafana/", StringComparison.Ordinal) == true);
        if (grafana is null)
        {
            return [$"{compose.Name}: has no grafana/grafana service"];
        }

        var mounts = Mounts(compose, grafana);
        var providerPath = Yaml.Documents(InfraFiles.Read($"{Provisioning}/dashboards/telemetry.yaml"))[0].Get("providers").Items().First().Get("options").Get("path").Text();
        Expect(problems, compose, name, mounts, Provisioning, "/etc/grafana/provisioning");
        Expect(problems, compose, name, mounts, Dashboards, providerPath!);

        var environment = ComposeFile.Environment(grafana);
        foreach (var file in new[] { "influxdb.yaml", "prometheus.yaml" })
        {
            problems.AddRange(Variable().Matches(InfraFiles.Read($"{Provisioning}/datasources/{file}")).Select(m => m.Groups[1].Value).Distinct()
                .Where(v => !environment.ContainsKey(v))
                .Select(v => $"{compose.Name}: service {name} does not set {v}, which {Provisioning}/datasources/{file} uses"));
        }

        var dataSourceText = InfraFiles.Read($"{Provisioning}/datasources/influxdb.yaml");

        var influx = compose.Services.FirstOrDefault(s => s.Value.Get("image").Text()?.StartsWith("influxdb:", StringComparison.Ordinal) == true);
        var influxUrl = environment.GetValueOrDefault("INFLUX_URL");
        if (influx.Value is null || !Uri.TryCreate(influxUrl, UriKind.Absolute, out var url) || url.Host != influx.Key || url.Port != 8086)
        {
            problems.Add($"{compose.Name}: service {name}'s INFLUX_URL '{influxUrl}' must be http://SERVICE:8086 of the influxdb service ({influx.Key ?? "none"})");
            return problems;
        }

        var dataSource = Yaml.Documents(dataSourceText)[0].Get("datasources").Items().First();
        problems.AddRange(DataReadIsDataWritten(compose, cli, influx.Value, dataSource));
        return problems;
    }

    private static IEnumerable<string> DataReadIsDataWritten(ComposeFile compose, CliModel cli, YamlDotNet.RepresentationModel.YamlNode influx, YamlDotNet.RepresentationModel.YamlNode dataSource)
    {
        var database = dataSource.Get("jsonData").Get("dbName").Text();
        var init = Mounts(compose, influx).FirstOrDefault(m => m.Target.StartsWith("/docker-entrypoint-initdb.d", StringComparison.Ordinal));
        var mapped = init.Source is null ? null : DbrpDatabase().Match(InfraFiles.Read(init.Source)).Groups[1].Value;
        if (mapped != database)
        {
            yield return $"{compose.Name}: the data source queries database '{database}' but the InfluxDB init script maps '{mapped ?? "nothing"}'";
        }

        var influxEnvironment = ComposeFile.Environment(influx);
        foreach (var container in compose.Containers())
        {
            var image = Dockerfile.Parse(container.Dockerfile, InfraFiles.Read(container.Dockerfile));
            var line = CommandLine.Parse(DockerfileCheck.TelemetryArguments(container.CommandLine(image)) ?? [], container.Source, cli);
            if (line.Path != "aggregate")
            {
                continue;
            }

            var environment = compose.Services[container.Source.Split(' ')[^1]] is var service ? ComposeFile.Environment(service) : null;
            var bucket = line.Options.GetValueOrDefault("influx-bucket") ?? environment!.GetValueOrDefault("TELEMETRY_Influx__Bucket") ?? new Telemetry.Analytics.Influx.InfluxOptions().Bucket;
            var org = line.Options.GetValueOrDefault("influx-org") ?? environment!.GetValueOrDefault("TELEMETRY_Influx__Org");
            if (bucket != influxEnvironment.GetValueOrDefault("DOCKER_INFLUXDB_INIT_BUCKET") || org != influxEnvironment.GetValueOrDefault("DOCKER_INFLUXDB_INIT_ORG"))
            {
                yield return $"{container.Source}: writes bucket '{bucket}' of org '{org}', but InfluxDB is set up with bucket '{influxEnvironment.GetValueOrDefault("DOCKER_INFLUXDB_INIT_BUCKET")}' of org '{influxEnvironment.GetValueOrDefault("DOCKER_INFLUXDB_INIT_ORG")}'";
            }

            // --window when given, else the environment's Aggregator:WindowLength, else the aggregator's default.
            var interval = dataSource.Get("jsonData").Get("timeInterval").Text();
            var window = line.Effective("window") ?? Grafana(environment!.TryGetValue("TELEMETRY_Aggregator__WindowLength", out var length)
                ? TimeSpan.Parse(length, System.Globalization.CultureInfo.InvariantCulture)
                : new Telemetry.Analytics.AggregatorOptions().WindowLength);
            if (window != interval)
            {
                yield return $"{container.Source}: windows of {window}, but the data source's timeInterval is {interval}";
            }
        }
    }

    /// <summary>A window length as Grafana writes an interval: 1m, 90s.</summary>
    private static string Grafana(TimeSpan window) =>
        window.Ticks % TimeSpan.TicksPerMinute == 0
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(long)window.TotalMinutes}m")
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{(long)window.TotalSeconds}s");

    private static void Expect(List<string> problems, ComposeFile compose, string service, IReadOnlyList<(string Source, string Target)> mounts, string folder, string target)
    {
        if (!mounts.Any(m => m.Source == folder && m.Target == target))
        {
            problems.Add($"{compose.Name}: service {service} must mount {folder} at {target} (infra/grafana/README.md), mounts {string.Join(", ", mounts.Select(m => $"{m.Source} at {m.Target}"))}");
        }
    }

    internal static List<(string Source, string Target)> Mounts(ComposeFile compose, YamlDotNet.RepresentationModel.YamlNode service) =>
        [.. service.Get("volumes").Items().Select(v => v.Text()?.Split(':') ?? [])
            .Where(p => p.Length >= 2 && (p[0].StartsWith('.') || p[0].StartsWith('/')))
            .Select(p => (compose.Resolve(p[0]), p[1]))];

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")]
    private static partial Regex Variable();

    [GeneratedRegex(@"--db\s+(\S+)")]
    private static partial Regex DbrpDatabase();
}
