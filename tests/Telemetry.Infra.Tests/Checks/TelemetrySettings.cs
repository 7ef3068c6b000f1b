using System.Reflection;
using Telemetry.Alerting.Delivery;
using Telemetry.Alerting.Routing;
using Telemetry.Alerting.Rules;
using Telemetry.Analytics;
using Telemetry.Analytics.Influx;
using Telemetry.Api;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>What each host reads from configuration, and the environment variables the CLI reads by name.</summary>
internal static class TelemetrySettings
{
    /// <summary>The prefix of the CLI's configuration variables (AnalyticsConfiguration), and its nesting separator.</summary>
    public const string Prefix = "TELEMETRY_";

    /// <summary>
    /// What <c>telemetry aggregate</c> binds: the <c>Aggregator</c> and <c>Influx</c> sections (AnalyticsConfiguration)
    /// and the alerting sections (AlertingHost). The options only a flag sets are refused, as the command refuses them
    /// (AggregatorSettings); window and lateness are read from the file and environment unless their flags are given.
    /// </summary>
    public static ConfigurationSchema Aggregator { get; } = Alerting(new ConfigurationSchema())
        .Bind("Aggregator", typeof(AggregatorOptions))
        .Bind("Influx", typeof(InfluxOptions))
        .Refuse("Aggregator:LedgerDirectory", "aggregate sets it from --out")
        .Refuse("Aggregator:GroupId", "aggregate sets it from --group")
        .Refuse("Aggregator:Models", "aggregate sets it from --models");

    /// <summary>What the Functions app binds (TelemetryFunctionsServiceCollectionExtensions and the API's and alerting's extensions).</summary>
    public static ConfigurationSchema FunctionsApp { get; } = Alerting(new ConfigurationSchema())
        .Bind("Influx", typeof(InfluxOptions))
        .Bind(ApiServiceCollectionExtensions.LedgerDirectoryKey, typeof(string))
        .Bind(ApiServiceCollectionExtensions.CostFileKey, typeof(string))
        .Bind(ApiOptions.SectionName, typeof(ApiOptions))
        .Bind(FunctionsLookbackKey(), typeof(TimeSpan));

    /// <summary>
    /// The configuration schema each CLI command loads through AnalyticsConfiguration; commands not listed read no
    /// <c>TELEMETRY_</c> settings at all (the agent among them).
    /// </summary>
    public static IReadOnlyDictionary<string, ConfigurationSchema> ByCommand { get; } = new Dictionary<string, ConfigurationSchema>
    {
        ["aggregate"] = Aggregator,
    };

    /// <summary>
    /// The environment variables the CLI and the agent's own binary read by name: the string literals passed to
    /// Environment.GetEnvironmentVariable in their sources and the libraries that read their command lines (Slurm's for
    /// <c>agent alloc</c>), and the constants named <c>EnvironmentVariable</c> they pass instead (TELEMETRY_API_ADDRESS,
    /// and TELEMETRY_KAFKA_BOOTSTRAP for every Kafka client, in Telemetry.Kafka's KafkaCommandLine).
    /// </summary>
    public static IReadOnlySet<string> ReadByName { get; } = new[] { Support.RepositoryRoot.Combine("analytics", "Telemetry.Cli"), Support.RepositoryRoot.Combine("ingest") }
        .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories))
        .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
        .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), """(?:GetEnvironmentVariable\(|const string EnvironmentVariable = )"([A-Za-z0-9_]+)""").Select(m => m.Groups[1].Value))
        .ToHashSet(StringComparer.Ordinal);

    private static ConfigurationSchema Alerting(ConfigurationSchema schema) => schema
        .Bind(AlertRules.SectionName, typeof(AlertRules))
        .Bind(AlertRoutingOptions.SectionName, typeof(AlertRoutingOptions))
        .Bind(WebhookDeliveryOptions.SectionName, typeof(WebhookDeliveryOptions))
        .Bind(WebhookDeliveryOptions.EndpointsSectionName, typeof(List<WebhookEndpointOptions>));

    // Internal to the Functions app, so read by reflection rather than copied here.
    private static string FunctionsLookbackKey() =>
        (string)Assembly.Load("Telemetry.Functions")
            .GetType("Telemetry.Functions.TelemetryFunctionsServiceCollectionExtensions", throwOnError: true)!
            .GetField("LookbackKey", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!
            .GetValue(null)!;
}
