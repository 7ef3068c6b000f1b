using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Alerting;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Queries;

namespace Telemetry.Api;

/// <summary>Registers the API and the query store it reads, from configuration.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>The setting that names the ledger directory (an Azure Files mount for the Functions app).</summary>
    public const string LedgerDirectoryKey = "Ledger:Directory";

    /// <summary>The setting that names a cost configuration file; the built-in default prices when absent.</summary>
    public const string CostFileKey = "Cost:File";

    /// <summary>
    /// Registers <see cref="ITelemetryQueries"/>: an <see cref="InfluxQueryStore"/> when <c>Influx:Url</c> is set (with
    /// <c>Influx:Token</c>, <c>Influx:Bucket</c> and the rest of <see cref="InfluxOptions"/>), otherwise a
    /// <see cref="LedgerQueryStore"/> over <c>Ledger:Directory</c>; and the <see cref="CostModel"/> of <c>Cost:File</c>
    /// when set. A store or cost model already registered is kept.
    /// </summary>
    /// <exception cref="ArgumentException">Neither a URL nor a ledger directory is set, or an InfluxDB setting is invalid; the message names the setting.</exception>
    public static IServiceCollection AddTelemetryQueries(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[CostFileKey] is { Length: > 0 } costFile)
        {
            services.TryAddSingleton(_ => CostModel.Load(costFile));
        }

        var influx = configuration.GetSection("Influx").Get<InfluxOptions>() ?? new InfluxOptions();
        if (!string.IsNullOrWhiteSpace(influx.Url))
        {
            influx.Validate();
            // One client for the life of the host; its timeout bounds every query.
            services.TryAddSingleton<ITelemetryQueries>(_ => new InfluxQueryStore(new HttpClient { Timeout = influx.RequestTimeout }, influx));
            return services;
        }

        if (configuration[LedgerDirectoryKey] is not { Length: > 0 } directory)
        {
            throw new ArgumentException(
                "No query store is configured: set Influx:Url (app setting Influx__Url) to query InfluxDB, or Ledger:Directory (Ledger__Directory) to query the ledger.",
                nameof(configuration));
        }

        services.TryAddSingleton(new LedgerReader(directory));
        services.TryAddSingleton<ITelemetryQueries>(sp => new LedgerQueryStore(sp.GetRequiredService<LedgerReader>(), sp.GetService<CostModel>()));
        return services;
    }

    /// <summary>
    /// Binds <c>Api</c> (validated when the host starts) and adds <see cref="TelemetryApi"/> over the registered query
    /// store, clock and, when alerting is registered, the <see cref="AlertPipeline"/>.
    /// </summary>
    public static IServiceCollection AddTelemetryApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<ApiOptions>().Bind(configuration.GetSection(ApiOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidator>();
        services.TryAddSingleton(sp => new TelemetryApi(
            sp.GetRequiredService<ITelemetryQueries>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<IOptions<ApiOptions>>().Value,
            sp.GetService<AlertPipeline>(),
            sp.GetService<ILogger<TelemetryApi>>()));
        return services;
    }
}
