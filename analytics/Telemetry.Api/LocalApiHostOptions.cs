using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace Telemetry.Api;

/// <summary>What the loopback host serves besides the API.</summary>
public sealed class LocalApiHostOptions
{
    /// <summary>The process's own metrics, served on <c>/metrics</c> in the Prometheus text format; none when null.</summary>
    public Meter? Metrics { get; init; }

    /// <summary>Whether the process is ready (<c>/readyz</c> answers 200, else 503); always ready when null.</summary>
    public Func<bool>? Ready { get; init; }

    /// <summary>Where Kestrel and the host log; nowhere when null.</summary>
    public ILoggerFactory? Loggers { get; init; }
}
