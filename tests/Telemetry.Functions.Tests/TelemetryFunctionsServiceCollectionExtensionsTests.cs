using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Telemetry.Alerting;
using Telemetry.Analytics.Queries;
using Telemetry.Api;
using Telemetry.Functions.Tests.Support;

namespace Telemetry.Functions.Tests;

[TestClass]
public sealed class TelemetryFunctionsServiceCollectionExtensionsTests
{
    [TestMethod]
    public void AddTelemetryFunctionsRegistersTheSystemClock()
    {
        using var ledger = new TempDirectory();

        using var provider = Services(ledger).BuildServiceProvider();

        Assert.AreSame(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
    }

    [TestMethod]
    public void AddTelemetryFunctionsKeepsAClockAlreadyRegistered()
    {
        using var ledger = new TempDirectory();
        var clock = new FakeTimeProvider();

        using var provider = Services(ledger, new ServiceCollection().AddSingleton<TimeProvider>(clock)).BuildServiceProvider();

        Assert.AreSame(clock, provider.GetRequiredService<TimeProvider>());
    }

    [TestMethod]
    public void WithALedgerAndNoInfluxTheLedgerIsTheStoreAndAlertingStaysOff()
    {
        using var ledger = new TempDirectory();

        using var provider = Services(ledger).BuildServiceProvider();

        Assert.IsInstanceOfType<LedgerQueryStore>(provider.GetRequiredService<ITelemetryQueries>());
        Assert.IsNull(provider.GetService<AlertPipeline>());
    }

    [TestMethod]
    public void AnAlertingSectionTurnsAlertingOn()
    {
        using var ledger = new TempDirectory();
        using var outbox = new TempDirectory();

        using var provider = Services(ledger, settings: new() { ["Alerting:Delivery:Directory"] = outbox.Path }).BuildServiceProvider();

        Assert.IsNotNull(provider.GetService<AlertPipeline>());
    }

    [TestMethod]
    public void ANonPositiveLookbackIsNamed()
    {
        using var ledger = new TempDirectory();

        var error = Assert.ThrowsExactly<ArgumentException>(() => Services(ledger, settings: new() { ["Alerting:Timer:Lookback"] = "-00:05:00" }));

        StringAssert.Contains(error.Message, "Alerting:Timer:Lookback");
    }

    [TestMethod]
    public void EveryFunctionClassIsActivatedFromTheRegisteredServices()
    {
        // The worker's default activator builds function classes this way, internal ones included.
        using var ledger = new TempDirectory();
        using var provider = Services(ledger).BuildServiceProvider();

        Assert.IsNotNull(ActivatorUtilities.CreateInstance<HealthFunction>(provider));
        Assert.IsNotNull(ActivatorUtilities.CreateInstance<ApiFunctions>(provider));
        Assert.IsNotNull(ActivatorUtilities.CreateInstance<AlertTimer>(provider));
        Assert.AreSame(provider.GetRequiredService<TelemetryApi>(), provider.GetRequiredService<TelemetryApi>());
    }

    private static IServiceCollection Services(TempDirectory ledger, IServiceCollection? services = null, Dictionary<string, string?>? settings = null)
    {
        var values = new Dictionary<string, string?>(settings ?? []) { ["Ledger:Directory"] = ledger.Path };
        return (services ?? new ServiceCollection()).AddLogging().AddTelemetryFunctions(new ConfigurationBuilder().AddInMemoryCollection(values).Build());
    }
}
