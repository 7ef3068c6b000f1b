using Microsoft.Extensions.Logging;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// Sends an outbox's spool back to Kafka. After trouble it waits until nothing is in flight and
/// <see cref="SpoolOptions.RetryInterval"/> has passed, then sends the oldest spooled message alone as a probe; only
/// the probe's acknowledgement makes Kafka healthy again, and then up to <see cref="SpoolOptions.MaxInFlightMessages"/>
/// spooled messages are in flight at once, oldest first. Callers hold the outbox's lock.
/// </summary>
internal sealed class SpoolDrain(string agentId, DiskSpool spool, SpoolOptions options, TimeProvider time, ILogger logger, Func<InFlightMessage, bool> trySend)
{
    private bool _probing;
    private DateTimeOffset _troubleAt = DateTimeOffset.MinValue;

    /// <summary>False from trouble until a probe is acknowledged.</summary>
    public bool Healthy { get; private set; } = true;

    /// <summary>Kafka's state is unknown (a previous run left a spool): probe at once before sending more.</summary>
    public void Suspect() => Healthy = false;

    /// <summary>Kafka failed, refused or lagged: stop sending until a probe gets through.</summary>
    public void Trouble()
    {
        Healthy = false;
        _troubleAt = time.GetUtcNow();
    }

    /// <summary>A message of the spool's, or a probe, was acknowledged or given up.</summary>
    public void Settled(InFlightMessage entry, bool acknowledged)
    {
        if (!entry.IsProbe)
        {
            return;
        }

        _probing = false;
        if (acknowledged)
        {
            Healthy = true;
            Log.Draining(logger, agentId, spool.Counts.Pending.Messages);
        }
    }

    /// <summary>Sends a probe when one is due, or fills the window while Kafka is healthy.</summary>
    public void Step()
    {
        if (Healthy)
        {
            Fill();
        }
        else
        {
            Probe();
        }
    }

    private void Probe()
    {
        if (_probing || spool.Counts.Leased > 0 || time.GetUtcNow() - _troubleAt < options.RetryInterval
            || !spool.TryRead(out var id, out var record))
        {
            return;
        }

        _probing = true;
        if (!trySend(InFlightMessage.FromSpool(id, record!, probe: true)))
        {
            _probing = false;
            spool.Release(id);
        }
    }

    private void Fill()
    {
        while (spool.Counts.Leased < options.MaxInFlightMessages && spool.TryRead(out var id, out var record))
        {
            if (!trySend(InFlightMessage.FromSpool(id, record!, probe: false)))
            {
                spool.Release(id);
                return;
            }
        }
    }
}
