using Microsoft.Extensions.Configuration;
using Telemetry.Analytics;
using Telemetry.Analytics.Health;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Reporting;

namespace Telemetry.Cli;

/// <summary>
/// The analytics' settings from a JSON file (<c>--config</c>) and environment variables (<c>TELEMETRY_</c> prefix,
/// <c>__</c> for nesting, e.g. <c>TELEMETRY_Aggregator__Waste__ParkedMemoryShare=0.6</c>), in the .NET conventions.
/// Sections: <c>Aggregator</c> (with <c>Waste</c> for the state rules), <c>WasteEpisodes</c> (<c>MinimumDurations</c>
/// by class, as <c>hh:mm:ss</c>), <c>Health</c> and <c>Influx</c> (the InfluxDB sink: <c>Url</c>, <c>Token</c>,
/// <c>Org</c>, <c>Bucket</c>, batching and retries). Every value is validated; a bad one is reported by name.
/// </summary>
internal sealed class AnalyticsConfiguration
{
    private readonly IConfiguration _configuration;

    private AnalyticsConfiguration(IConfiguration configuration) => _configuration = configuration;

    /// <summary>Reads the file (when given) and the environment.</summary>
    /// <exception cref="InvalidDataException">The file is missing or not valid JSON; the message names it.</exception>
    public static AnalyticsConfiguration Load(string? path)
    {
        var builder = new ConfigurationBuilder();
        if (path is not null)
        {
            if (!File.Exists(path))
            {
                throw new InvalidDataException($"--config '{path}' does not exist.");
            }

            builder.AddJsonFile(Path.GetFullPath(path), optional: false, reloadOnChange: false);
        }

        try
        {
            return new AnalyticsConfiguration(builder.AddEnvironmentVariables("TELEMETRY_").Build());
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"--config '{path}' is not valid JSON: {e.Message}", e);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"--config '{path}' is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>The whole configuration, for the parts that bind their own sections (alerting).</summary>
    public IConfiguration Raw => _configuration;

    /// <summary>The aggregator's settings over <paramref name="defaults"/>, validated.</summary>
    public AggregatorOptions Aggregator(AggregatorOptions defaults) => Bind("Aggregator", defaults, o => o.Validate());

    /// <summary>The waste-episode rules, validated.</summary>
    public WasteEpisodeRules WasteEpisodes() => Bind("WasteEpisodes", new WasteEpisodeRules(), o => o.Validate());

    /// <summary>The health thresholds, validated.</summary>
    public HealthOptions Health() => Bind("Health", new HealthOptions(), o => o.Validate());

    /// <summary>The InfluxDB sink's settings (its URL empty when none is configured); validated once a URL is given.</summary>
    public InfluxOptions Influx() => Bind("Influx", new InfluxOptions(), o =>
    {
        if (!string.IsNullOrWhiteSpace(o.Url))
        {
            o.Validate();
        }
    });

    private T Bind<T>(string section, T target, Action<T> validate)
        where T : class
    {
        try
        {
            _configuration.GetSection(section).Bind(target, o => o.ErrorOnUnknownConfiguration = true);
        }
        catch (InvalidOperationException e)
        {
            throw new ArgumentException($"Configuration section '{section}': {e.Message}", section, e);
        }

        validate(target);
        return target;
    }
}
