using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Telemetry.Functions.Tests;

[TestClass]
public sealed class TelemetryFunctionsServiceCollectionExtensionsTests
{
    [TestMethod]
    public void AddTelemetryFunctionsRegistersTheSystemClock()
    {
        var services = new ServiceCollection();

        services.AddTelemetryFunctions();
        using var provider = services.BuildServiceProvider();

        Assert.AreSame(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [TestMethod]
    public void AddTelemetryFunctionsKeepsAClockAlreadyRegistered()
    {
        var clock = new FakeTimeProvider();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);

        services.AddTelemetryFunctions();
        using var provider = services.BuildServiceProvider();

        Assert.AreSame(clock, provider.GetRequiredService<TimeProvider>());
    }

    [TestMethod]
    public void HealthFunctionIsActivatedFromTheRegisteredServices()
    {
        // The worker's default activator builds function classes this way, internal ones included.
        using var provider = new ServiceCollection().AddTelemetryFunctions().BuildServiceProvider();

        var function = ActivatorUtilities.CreateInstance<HealthFunction>(provider);

        Assert.IsNotNull(function);
    }
}
