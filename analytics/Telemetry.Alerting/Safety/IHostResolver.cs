using System.Net;

namespace Telemetry.Alerting.Safety;

/// <summary>Resolves a host name to addresses: the DNS seam of the connect-time check.</summary>
public interface IHostResolver
{
    /// <summary>The addresses of a host name.</summary>
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken);
}
