using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Telemetry.Alerting.Safety;

/// <summary>
/// The connect step of a webhook's HTTP handler: resolves the host, refuses the connection unless every address is
/// allowed, and connects to exactly the addresses it checked. Running at connect time, for every new connection, it
/// sees what DNS answers then, so a name that changes its answer after configuration (DNS rebinding) is still caught.
/// </summary>
public sealed class GuardedConnector(bool allowPrivateNetwork, IHostResolver resolver)
{
    /// <summary>
    /// A handler for webhook calls: this connector's check, no redirects followed (a redirect could point anywhere), no
    /// proxy (it would connect in our stead, past the check), no cookies, and pooled connections renewed every few
    /// minutes so that DNS is asked again.
    /// </summary>
    public SocketsHttpHandler CreateHandler(TimeSpan connectTimeout) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectTimeout = connectTimeout,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        ConnectCallback = ConnectAsync,
    };

    /// <summary>The <see cref="SocketsHttpHandler.ConnectCallback"/>.</summary>
    /// <exception cref="EndpointRefusedException">An address of the host is not allowed.</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        if (addresses.Length == 0)
        {
            throw new EndpointRefusedException($"Webhook host '{host}' has no address.");
        }

        foreach (var address in addresses)
        {
            if (AddressPolicy.Refusal(address, allowPrivateNetwork) is { } why)
            {
                throw new EndpointRefusedException(
                    $"Webhook host '{host}' resolves to {address}, {why}; refused (set AllowPrivateNetwork on the endpoint for local development only).");
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
