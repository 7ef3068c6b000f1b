using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;

namespace Telemetry.Api;

/// <summary>What the loopback host serves besides the API.</summary>
public sealed class LocalApiHostOptions
{
    /// <summary>The process's own metrics, served on <c>/metrics</c> in the Prometheus text format; none when null.</summary>
    public Meter? Metrics { get; init; }

    /// <summary>Whether the process is ready (<c>/readyz</c> answers 200, else 503); always ready when null.</summary>
    public Func<bool>? Ready { get; init; }

    /// <summary>
    /// The address to listen on: <see cref="IPAddress.Loopback"/> by default. Another one (<c>0.0.0.0</c> in a
    /// container, for kubelet probes and Prometheus) serves the API to whoever reaches it, without authentication of its
    /// own, and is logged as a warning.
    /// </summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Where Kestrel and the host log; nowhere when null.</summary>
    public ILoggerFactory? Loggers { get; init; }
}
