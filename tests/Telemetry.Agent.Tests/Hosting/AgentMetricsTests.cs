using Microsoft.Extensions.Logging.Abstractions;
using Telemetry.Agent.Attribution;
using Telemetry.Agent.Hosting;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Tests.Spooling;
using Telemetry.Agent.Throughput;
using Telemetry.Testing.Metrics;
using static Telemetry.Agent.Tests.Spooling.SpoolingAgentRig;

namespace Telemetry.Agent.Tests.Hosting;

/// <summary>
/// The agent's <c>/metrics</c> on its local endpoint, scraped over loopback HTTP while it sends to the mock cluster,
/// through an outage and after it: every series equals the agent's own delivery counters.
/// </summary>
[TestClass]
public sealed class AgentMetricsTests : IDisposable
{
    private readonly SpoolingAgentRig _rig = new();
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    public void Dispose()
    {
        _http.Dispose();
        _rig.Dispose();
    }

    [TestMethod]
    public async Task MetricsEndpointShowsWhatTheAgentSentSpooledAndHadAcknowledged()
    {
        await using var served = await StartServedAsync();
        var agent = served.Agent;
        var url = new Uri(served.Endpoint.Address!, "/metrics");
        _rig.Publish(agent, 3);
        WaitUntil(() => agent.Counters.MessagesDelivered == 3, "the first batches are delivered");
        _rig.Broker.SetBrokerDown();
        _rig.Publish(agent, 3);
        WaitUntil(() => agent.Balance().Spooled.Messages > 0, "failed batches are spooled");

        var duringOutage = await PrometheusScrape.GetAsync(_http, url);
        _rig.Broker.SetBrokerUp();
        WaitUntil(() => agent.Counters.MessagesDelivered == 6, "every batch is delivered");
        var after = await PrometheusScrape.GetAsync(_http, url);

        Assert.AreEqual(6L * RowsPerBatch, duringOutage.Count("telemetry_agent_samples_total", ("outcome", "produced")));
        Assert.AreEqual(3L * RowsPerBatch, duringOutage.Count("telemetry_agent_samples_total", ("outcome", "acknowledged")));
        Assert.AreEqual(3, duringOutage.Count("telemetry_agent_spooled", ("count", "messages")) + duringOutage.Count("telemetry_agent_in_flight", ("count", "messages")),
            "the outage's batches wait in the spool, one perhaps in flight as a probe");
        Assert.IsGreaterThan(0, duringOutage.Count("telemetry_agent_spool_size_bytes"));
        Assert.IsGreaterThan(0, duringOutage.Count("telemetry_agent_delivery_errors_total"));
        AssertEqualsCounters(after, agent);
        Assert.AreEqual(0, after.Count("telemetry_agent_spooled", ("count", "rows")));
    }

    [TestMethod]
    public async Task EveryAgentSeriesTheSelfMetricsDashboardSelectsIsServedAndEveryServedOneIsShown()
    {
        await using var served = await StartServedAsync();
        var agent = served.Agent;
        _rig.Publish(agent, 2);
        WaitUntil(() => agent.Counters.MessagesDelivered == 2, "the batches are delivered");

        var scrape = await PrometheusScrape.GetAsync(_http, new Uri(served.Endpoint.Address!, "/metrics"));

        var (missing, unshown) = SelfMetricsDashboard.Compare(scrape, "telemetry_agent_");

        Assert.IsEmpty(missing, "selected on the dashboard but not served: " + string.Join("; ", missing));
        Assert.IsEmpty(unshown, "served but on no panel: " + string.Join(", ", unshown));
    }

    [TestMethod]
    public async Task HealthzAnswersAndMetricsAreNotServedWithoutAMeter()
    {
        await using var endpoint = Endpoint(null);
        await endpoint.StartAsync(CancellationToken.None);

        using var health = await _http.GetAsync(new Uri(endpoint.Address!, "/healthz"));
        using var metrics = await _http.GetAsync(new Uri(endpoint.Address!, "/metrics"));

        Assert.AreEqual(System.Net.HttpStatusCode.OK, health.StatusCode);
        Assert.AreEqual(System.Net.HttpStatusCode.NotFound, metrics.StatusCode);
    }

    /// <summary>An agent of the rig with its metrics on a started local endpoint.</summary>
    private async Task<ServedAgent> StartServedAsync()
    {
        var agent = _rig.StartAgent();
        var metrics = new AgentMetrics(agent);
        var endpoint = Endpoint(metrics);
        await endpoint.StartAsync(CancellationToken.None);
        return new ServedAgent(agent, metrics, endpoint);
    }

    private static LocalEndpoint Endpoint(AgentMetrics? metrics) =>
        new(new LocalEndpointOptions { Url = "http://127.0.0.1:0" }, AgentId, new ThroughputInbox(), new RequestedAllocations(), () => [], TimeProvider.System, NullLoggerFactory.Instance)
        {
            Metrics = metrics?.Meter,
        };

    private static void AssertEqualsCounters(PrometheusScrape scrape, TelemetryAgent agent)
    {
        var balance = agent.Balance();
        Assert.AreEqual(balance.Produced.Rows, scrape.Count("telemetry_agent_samples_total", ("outcome", "produced")));
        Assert.AreEqual(agent.RowsSent, scrape.Count("telemetry_agent_samples_total", ("outcome", "sent")));
        Assert.AreEqual(balance.Acknowledged.Rows, scrape.Count("telemetry_agent_samples_total", ("outcome", "acknowledged")));
        Assert.AreEqual(balance.Dropped.Rows, scrape.Count("telemetry_agent_samples_total", ("outcome", "dropped")));
        Assert.AreEqual(balance.Failed.Rows, scrape.Count("telemetry_agent_samples_total", ("outcome", "failed")));
        Assert.AreEqual(balance.Produced.Messages, scrape.Count("telemetry_agent_messages_total", ("outcome", "produced")));
        Assert.AreEqual(agent.Counters.MessagesSent, scrape.Count("telemetry_agent_messages_total", ("outcome", "sent")));
        Assert.AreEqual(balance.Acknowledged.Messages, scrape.Count("telemetry_agent_messages_total", ("outcome", "acknowledged")));
        Assert.AreEqual(agent.SpoolBytes, scrape.Count("telemetry_agent_spool_size_bytes"));
        Assert.AreEqual(agent.Counters.DeliveryErrors, scrape.Count("telemetry_agent_delivery_errors_total"));
    }

    private sealed record ServedAgent(TelemetryAgent Agent, AgentMetrics Metrics, LocalEndpoint Endpoint) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Endpoint.DisposeAsync();
            Metrics.Dispose();
        }
    }
}
