using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Telemetry.Functions;

/// <summary>Registers the services that the telemetry functions depend on.</summary>
internal static class TelemetryFunctionsServiceCollectionExtensions
{
    /// <summary>Adds the system clock (unless a clock is already registered) for the functions to read.</summary>
    /// <param name="services">The service collection to add to.</param>
    /// <returns>The same service collection, for chaining.</returns>
    public static IServiceCollection AddTelemetryFunctions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
