using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Telemetry.Analytics.Queries;
using Telemetry.Api.Scoping;
using Telemetry.Api.Tests.Support;

namespace Telemetry.Api.Tests;

[TestClass]
public sealed class ApiConfigurationTests
{
    [TestMethod]
    public void ScopingWithNobodyNamedFailsNamingTheSetting()
    {
        var error = Assert.ThrowsExactly<OptionsValidationException>(() =>
            ApiOptionsValidator.ThrowIfInvalid(new ApiOptions { Scoping = new ApiScopingOptions { Enabled = true } }));

        StringAssert.Contains(error.Message, "Api:Scoping:Enabled");
    }

    [TestMethod]
    public void ABadTeamOrRoleIsNamedByItsPath()
    {
        var options = new ApiOptions
        {
            Scoping = new ApiScopingOptions
            {
                Enabled = true,
                CostCentres = new Dictionary<string, List<string>> { ["finance"] = ["llm", ""] },
                FleetRoles = ["sre", "bad\nrole"],
            },
        };

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => ApiOptionsValidator.ThrowIfInvalid(options));

        Assert.HasCount(2, error.Failures);
        StringAssert.Contains(error.Message, "Api:Scoping:CostCentres:finance:1");
        StringAssert.Contains(error.Message, "Api:Scoping:FleetRoles:1");
    }

    [TestMethod]
    public async Task ScopingBindsFromConfigurationAndTheApiRunsOnTheLedgerStore()
    {
        using var apis = new Apis();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Ledger:Directory"] = apis.LedgerPath,
            ["Api:Scoping:Enabled"] = "true",
            ["Api:Scoping:CostCentres:finance-llm@example.com:0"] = "llm",
            ["Api:Scoping:FleetRoles:0"] = "sre",
        }).Build();
        using var services = new ServiceCollection().AddLogging().AddSingleton<TimeProvider>(apis.Clock)
            .AddTelemetryQueries(configuration).AddTelemetryApi(configuration).BuildServiceProvider();

        var api = services.GetRequiredService<TelemetryApi>();
        var scoping = services.GetRequiredService<IOptions<ApiOptions>>().Value.Scoping;
        var energy = await ApiCall.GetAsync(api, "/api/energy?from=2026-01-01", Principals.Header("finance-llm@example.com"));

        Assert.IsInstanceOfType<LedgerQueryStore>(services.GetRequiredService<ITelemetryQueries>());
        CollectionAssert.AreEqual(new[] { "llm" }, scoping.CostCentres["finance-llm@example.com"]);
        Assert.AreEqual(1, energy.Json.GetProperty("groups").GetArrayLength());
    }

    [TestMethod]
    public void AnInfluxUrlChoosesTheInfluxStore()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Influx:Url"] = "http://127.0.0.1:8086",
            ["Influx:Token"] = "t",
            ["Influx:Bucket"] = "telemetry",
            ["Ledger:Directory"] = "/nonexistent",
        }).Build();
        using var services = new ServiceCollection().AddTelemetryQueries(configuration).BuildServiceProvider();

        Assert.IsInstanceOfType<InfluxQueryStore>(services.GetRequiredService<ITelemetryQueries>());
    }

    [TestMethod]
    public void NoStoreConfiguredFailsNamingBothSettings()
    {
        var error = Assert.ThrowsExactly<ArgumentException>(() => new ServiceCollection().AddTelemetryQueries(new ConfigurationBuilder().Build()));

        StringAssert.Contains(error.Message, "Influx__Url");
        StringAssert.Contains(error.Message, "Ledger__Directory");
    }
}
