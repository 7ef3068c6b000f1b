using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telemetry.Alerting.Delivery;
using Telemetry.Alerting.Routing;
using Telemetry.Alerting.Rules;

namespace Telemetry.Alerting.Tests.Rules;

[TestClass]
public sealed class AlertingConfigurationTests
{
    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddTelemetryAlerting(configuration);
        return services.BuildServiceProvider();
    }

    [TestMethod]
    public void RulesBindFromAlertingRulesAndKeepTheirDefaults()
    {
        using var services = Services(new()
        {
            ["Alerting:Rules:HbmTemperature:LimitCelsius"] = "90",
            ["Alerting:Rules:AllocatedIdle:For"] = "00:45:00",
            ["Alerting:Rules:EnergyBudgets:0:Team"] = "vision",
            ["Alerting:Rules:EnergyBudgets:0:Period"] = "Month",
            ["Alerting:Rules:EnergyBudgets:0:Amount"] = "2500",
            ["Alerting:Rules:EnergyBudgets:0:Currency"] = "EUR",
        });

        var rules = services.GetRequiredService<IOptions<AlertRules>>().Value;

        Assert.AreEqual(90, rules.HbmTemperature.LimitCelsius);
        Assert.AreEqual(87, rules.GpuTemperature.LimitCelsius);
        Assert.AreEqual(TimeSpan.FromMinutes(45), rules.AllocatedIdle.For);
        Assert.AreEqual(TimeSpan.FromMinutes(10), rules.ZombieMemory.For);
        var budget = Assert.ContainsSingle(rules.EnergyBudgets);
        Assert.AreEqual(BudgetPeriod.Month, budget.Period);
        Assert.AreEqual("UTC", budget.TimeZone);
        Assert.IsNotNull(services.GetRequiredService<AlertEvaluator>());
    }

    [TestMethod]
    public void ABadRuleSettingIsNamedByItsConfigurationPath()
    {
        using var services = Services(new()
        {
            ["Alerting:Rules:AllocatedIdle:For"] = "-00:01:00",
            ["Alerting:Rules:Throttling:MinShare"] = "1.5",
            ["Alerting:Rules:EnergyBudgets:0:Team"] = "vision",
            ["Alerting:Rules:EnergyBudgets:0:Amount"] = "10",
            ["Alerting:Rules:EnergyBudgets:0:Currency"] = "usd",
            ["Alerting:Rules:EnergyBudgets:0:TimeZone"] = "Mars/Olympus",
        });

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlertRules>>().Value);

        Assert.HasCount(4, error.Failures);
        Assert.Contains("Alerting:Rules:AllocatedIdle:For must be between", error.Message);
        Assert.Contains("Alerting:Rules:Throttling:MinShare", error.Message);
        Assert.Contains("Alerting:Rules:EnergyBudgets:0:Currency", error.Message);
        Assert.Contains("Alerting:Rules:EnergyBudgets:0:TimeZone", error.Message);
    }

    [TestMethod]
    public void TheEvaluatorRefusesBadRulesToo()
    {
        var rules = new AlertRules { GpuTemperature = new() { LimitCelsius = 0 } };

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => Support.Evaluators.Create(rules));

        Assert.Contains("Alerting:Rules:GpuTemperature:LimitCelsius", error.Message);
    }

    [TestMethod]
    public void GroupByFromConfigurationReplacesTheDefault()
    {
        using var services = Services(new() { ["Alerting:Routing:GroupBy:0"] = "alertname", ["Alerting:Routing:RepeatInterval"] = "12:00:00" });

        var routing = services.GetRequiredService<IOptions<AlertRoutingOptions>>().Value;

        CollectionAssert.AreEqual(new[] { "alertname" }, routing.EffectiveGroupBy.ToArray());
        Assert.AreEqual(TimeSpan.FromHours(12), routing.RepeatInterval);
        CollectionAssert.AreEqual(new[] { "alertname", "node" }, new AlertRoutingOptions().EffectiveGroupBy.ToArray());
    }

    [TestMethod]
    public void ARepeatIntervalShorterThanTheGroupIntervalIsNamed()
    {
        using var services = Services(new() { ["Alerting:Routing:RepeatInterval"] = "00:01:00" });

        var error = Assert.ThrowsExactly<OptionsValidationException>(() => services.GetRequiredService<IOptions<AlertRoutingOptions>>().Value);

        Assert.Contains("Alerting:Routing:RepeatInterval", error.Message);
    }

    [TestMethod]
    public void WebhookEndpointsBindFromAlertingWebhooksAndBadOnesAreNamed()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Alerting:Webhooks:0:Name"] = "ops",
            ["Alerting:Webhooks:0:Url"] = "https://hooks.example.com/alerts",
            ["Alerting:Webhooks:0:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            ["Alerting:Webhooks:0:Timeout"] = "00:00:05",
            ["Alerting:Webhooks:1:Name"] = "dev",
            ["Alerting:Webhooks:1:Url"] = "http://127.0.0.1:9000/",
            ["Alerting:Webhooks:1:Secret"] = "whsec_c2hvcnQ=",
        }).Build();

        var endpoints = AlertingServiceCollectionExtensions.Endpoints(configuration);
        var error = Assert.ThrowsExactly<OptionsValidationException>(() => WebhookOptionsValidator.ThrowIfInvalid(endpoints));

        Assert.HasCount(2, endpoints);
        Assert.AreEqual(TimeSpan.FromSeconds(5), endpoints[0].Timeout);
        Assert.IsFalse(endpoints[0].AllowPrivateNetwork);
        Assert.HasCount(2, error.Failures);
        Assert.Contains("Alerting:Webhooks:1:Url must use https", error.Message);
        Assert.Contains("Alerting:Webhooks:1:Secret", error.Message);
    }

    [TestMethod]
    public void TheOutboxDirectoryIsRequired()
    {
        var error = Assert.ThrowsExactly<OptionsValidationException>(() => WebhookOptionsValidator.ThrowIfInvalid(new WebhookDeliveryOptions()));

        Assert.Contains("Alerting:Delivery:Directory is required", error.Message);
    }
}
