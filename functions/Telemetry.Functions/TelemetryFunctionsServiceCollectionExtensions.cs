using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Telemetry.Alerting;
using Telemetry.Analytics.Ledger;
using Telemetry.Api;

namespace Telemetry.Functions;

/// <summary>Registers the services that the telemetry functions depend on.</summary>
internal static class TelemetryFunctionsServiceCollectionExtensions
{
    /// <summary>The setting for how far back the alert timer's first run reads.</summary>
    public const string LookbackKey = "Alerting:Timer:Lookback";

    /// <summary>
    /// Adds everything the functions use: the system clock (unless a clock is registered), the query store
    /// (<c>Influx:Url</c> or <c>Ledger:Directory</c>), alerting when the <c>Alerting</c> section exists, the API with its
    /// <c>Api</c> settings, and the ledger follower of the alert timer.
    /// </summary>
    /// <param name="services">The service collection to add to.</param>
    /// <param name="configuration">The app settings.</param>
    /// <returns>The same service collection, for chaining.</returns>
    /// <exception cref="ArgumentException">No query store is configured, or a setting is invalid; the message names it.</exception>
    public static IServiceCollection AddTelemetryFunctions(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddTelemetryQueries(configuration);
        if (configuration.GetSection("Alerting").Exists())
        {
            services.AddTelemetryAlerting(configuration);
        }

        services.AddTelemetryApi(configuration);
        var lookback = configuration.GetValue(LookbackKey, LedgerAlertFeed.DefaultLookback);
        if (lookback <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{LookbackKey} must be positive (got {lookback}).", nameof(configuration));
        }

        services.TryAddSingleton(sp => new LedgerAlertFeed(
            sp.GetService<LedgerReader>() ?? (configuration[ApiServiceCollectionExtensions.LedgerDirectoryKey] is { Length: > 0 } directory ? new LedgerReader(directory) : null),
            sp.GetService<AlertPipeline>(),
            sp.GetRequiredService<TimeProvider>(),
            lookback,
            sp.GetRequiredService<ILogger<LedgerAlertFeed>>()));
        return services;
    }
}
