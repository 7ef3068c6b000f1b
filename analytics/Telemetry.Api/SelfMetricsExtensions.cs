using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Telemetry.Api;

/// <summary>Exports one <see cref="Meter"/> through OpenTelemetry's Prometheus exporter, for a host to map on <c>/metrics</c>.</summary>
public static class SelfMetricsExtensions
{
    /// <summary>The most series one instrument keeps (one per agent and term for the per-agent counts).</summary>
    public const int CardinalityLimit = 100_000;

    /// <summary>Adds a meter provider that listens to <paramref name="meter"/> and no other meter instance.</summary>
    /// <param name="services">The host's services.</param>
    /// <param name="meter">The meter to export.</param>
    /// <param name="serviceName">The process's <c>service.name</c> (in <c>target_info</c>).</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddSelfMetrics(this IServiceCollection services, Meter meter, string serviceName)
    {
        ArgumentNullException.ThrowIfNull(meter);
        services.AddOpenTelemetry().ConfigureResource(resource => resource.AddService(serviceName)).WithMetrics(metrics => metrics
            .AddMeter(meter.Name)
            // Meters are matched by name process-wide; several hosts in one process (the tests) each export their own.
            .AddView(instrument => ReferenceEquals(instrument.Meter, meter)
                ? new MetricStreamConfiguration { CardinalityLimit = CardinalityLimit }
                : MetricStreamConfiguration.Drop)
            // Every scrape reads the counters afresh, so that a scrape right after work sees all of it.
            .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0));
        return services;
    }
}
