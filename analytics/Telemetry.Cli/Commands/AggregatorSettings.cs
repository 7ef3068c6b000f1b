using Microsoft.Extensions.Configuration;
using Telemetry.Analytics;
using Telemetry.Analytics.Gpus;

namespace Telemetry.Cli.Commands;

/// <summary>
/// The aggregator's options for <c>telemetry aggregate</c>, in the .NET order: a flag given on the command line, else
/// the <c>TELEMETRY_Aggregator__*</c> environment variable, else the <c>--config</c> file, else the default.
/// </summary>
internal static class AggregatorSettings
{
    /// <summary>Settings that only a flag gives: set in the file or the environment they would be ignored, so they are refused.</summary>
    private static readonly (string Key, string Flag)[] FlagOnly =
    [
        ("Aggregator:LedgerDirectory", "--out"),
        ("Aggregator:GroupId", "--group"),
        ("Aggregator:Models", "--models"),
    ];

    /// <summary>The options, validated.</summary>
    /// <exception cref="ArgumentException">A setting is invalid or given where it is not read; the message names it and the fix.</exception>
    public static AggregatorOptions Resolve(AnalyticsConfiguration configuration, AggregateCommand.Settings settings, IReadOnlyList<GpuModelPeak>? models)
    {
        foreach (var (key, flag) in FlagOnly)
        {
            if (configuration.Raw.GetSection(key).Exists())
            {
                throw new ArgumentException($"'{key}' is set by {flag} only: remove it from the --config file and the environment (TELEMETRY_{key.Replace(":", "__", StringComparison.Ordinal)}) and give {flag}.", key);
            }
        }

        var options = configuration.Aggregator(new AggregatorOptions());
        options.WindowLength = settings.Window is null ? options.WindowLength : DurationParser.Parse(settings.Window);
        options.AllowedLateness = settings.Lateness is null ? options.AllowedLateness : DurationParser.Parse(settings.Lateness);
        options.LedgerDirectory = settings.Out;
        options.GroupId = settings.Group;
        options.Models = models;
        options.Validate();
        return options;
    }
}
