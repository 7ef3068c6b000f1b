using System.Diagnostics.Metrics;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Spooling;

namespace Telemetry.Agent.Hosting;

/// <summary>
/// The node agent's own health as <see cref="System.Diagnostics.Metrics"/> instruments, served on its local endpoint's
/// <c>/metrics</c>. Every instrument is observable and reads the agent's delivery counters and spool when scraped, so
/// sending adds no bookkeeping for them.
/// </summary>
public sealed class AgentMetrics : IDisposable
{
    /// <summary>The meter's name, for an exporter to listen to.</summary>
    public const string MeterName = "Telemetry.Agent";

    private readonly TelemetryAgent _agent;

    /// <summary>Creates the meter and its instruments over <paramref name="agent"/>.</summary>
    public AgentMetrics(TelemetryAgent agent)
    {
        _agent = agent ?? throw new ArgumentNullException(nameof(agent));
        Meter = new Meter(MeterName);
        Meter.CreateObservableCounter("telemetry.agent.samples", () => Outcomes(rows: true), "{sample}",
            "Sample rows: produced, recovered (found in the spool at start), sent (published), acknowledged by Kafka, dropped (spool over its cap), failed for good.");
        Meter.CreateObservableCounter("telemetry.agent.messages", () => Outcomes(rows: false), "{message}",
            "Messages of every topic: produced, recovered, sent (hand-overs to the producer, a resend counting again), acknowledged, dropped, failed.");
        Meter.CreateObservableGauge("telemetry.agent.in_flight", () => Pending(b => b.InFlight), "{item}",
            "Messages (count=messages) and their sample rows (count=rows) handed to the Kafka producer and not yet acknowledged.");
        Meter.CreateObservableGauge("telemetry.agent.spooled", () => Pending(b => b.Spooled), "{item}",
            "Messages (count=messages) and their sample rows (count=rows) waiting in the disk spool to be sent.");
        Meter.CreateObservableGauge("telemetry.agent.spool.size", () => _agent.SpoolBytes, "By", "Bytes of the disk spool's files.");
        Meter.CreateObservableCounter("telemetry.agent.delivery.errors", () => _agent.Counters.DeliveryErrors, "{error}",
            "Delivery reports with an error, retried or spooled ones included.");
    }

    /// <summary>The meter; its exporter listens to this instance only.</summary>
    public Meter Meter { get; }

    /// <inheritdoc />
    public void Dispose() => Meter.Dispose();

    private Measurement<long>[] Outcomes(bool rows)
    {
        var balance = _agent.Balance();
        long Of(DeliveryCount count) => rows ? count.Rows : count.Messages;
        var sent = rows ? _agent.RowsSent : _agent.Counters.MessagesSent;
        return
        [
            Outcome(Of(balance.Produced), "produced"),
            Outcome(Of(balance.Recovered), "recovered"),
            Outcome(sent, "sent"),
            Outcome(Of(balance.Acknowledged), "acknowledged"),
            Outcome(Of(balance.Dropped), "dropped"),
            Outcome(Of(balance.Failed), "failed"),
        ];
    }

    private Measurement<long>[] Pending(Func<DeliveryBalance, DeliveryCount> of)
    {
        var count = of(_agent.Balance());
        return [new(count.Messages, new KeyValuePair<string, object?>("count", "messages")), new(count.Rows, new KeyValuePair<string, object?>("count", "rows"))];
    }

    private static Measurement<long> Outcome(long value, string outcome) => new(value, new KeyValuePair<string, object?>("outcome", outcome));
}
