using System.Net;

namespace Telemetry.Alerting.Safety;

/// <summary>Resolves through the system's resolver.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    /// <inheritdoc/>
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken);
}
