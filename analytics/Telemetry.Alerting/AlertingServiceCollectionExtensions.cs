using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Alerting.Delivery;
using Telemetry.Alerting.Routing;
using Telemetry.Alerting.Rules;
using Telemetry.Analytics.Costing;

namespace Telemetry.Alerting;

/// <summary>Registers the alerting pieces for a host: the aggregator's loop or the Functions app's timer.</summary>
public static class AlertingServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Alerting:Rules</c>, <c>Alerting:Routing</c>, <c>Alerting:Delivery</c> and <c>Alerting:Webhooks</c>,
    /// validated when the host starts, and adds the evaluator, dispatcher and outbox as singletons. Adds the system
    /// clock and the default cost model only where the host has not registered its own.
    /// </summary>
    public static IServiceCollection AddTelemetryAlerting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => CostModel.Default());

        services.AddOptions<AlertRules>().Bind(configuration.GetSection(AlertRules.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertRules>, AlertRulesValidator>();
        services.AddOptions<AlertRoutingOptions>().Bind(configuration.GetSection(AlertRoutingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AlertRoutingOptions>, AlertRoutingOptionsValidator>();
        services.AddOptions<WebhookDeliveryOptions>().Bind(configuration.GetSection(WebhookDeliveryOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WebhookDeliveryOptions>, WebhookOptionsValidator>();

        services.AddSingleton(sp => new AlertEvaluator(
            sp.GetRequiredService<IOptions<AlertRules>>().Value, sp.GetRequiredService<CostModel>(), sp.GetRequiredService<ILogger<AlertEvaluator>>()));
        services.AddSingleton(sp => new AlertDispatcher(
            sp.GetRequiredService<IOptions<AlertRoutingOptions>>().Value, sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<AlertDispatcher>>()));
        services.AddSingleton(sp => new WebhookOutbox(
            sp.GetRequiredService<IOptions<WebhookDeliveryOptions>>().Value,
            Endpoints(configuration),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<WebhookOutbox>>()));
        services.AddSingleton(sp => new AlertPipeline(
            sp.GetRequiredService<AlertEvaluator>(), sp.GetRequiredService<AlertDispatcher>(), sp.GetRequiredService<WebhookOutbox>()));
        return services;
    }

    /// <summary>The endpoints of <c>Alerting:Webhooks</c>; none when the section is absent.</summary>
    public static IReadOnlyList<WebhookEndpointOptions> Endpoints(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration.GetSection(WebhookDeliveryOptions.EndpointsSectionName).Get<List<WebhookEndpointOptions>>() ?? [];
    }
}
