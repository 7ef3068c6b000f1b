using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace Telemetry.Agent.Hosting;

/// <summary>Exports the agent's <see cref="Meter"/> through OpenTelemetry's Prometheus exporter, for the local endpoint's <c>/metrics</c>.</summary>
internal static class AgentMetricsExtensions
{
    public static IServiceCollection AddAgentMetrics(this IServiceCollection services, Meter meter) =>
        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("telemetry-agent"))
            .WithMetrics(metrics => metrics
                .AddMeter(meter.Name)
                // Meters match by name process-wide: export this instance's, not another agent's in the same process.
                .AddView(instrument => ReferenceEquals(instrument.Meter, meter) ? null : MetricStreamConfiguration.Drop)
                .AddPrometheusExporter(options => options.ScrapeResponseCacheDurationMilliseconds = 0))
            .Services;
}
