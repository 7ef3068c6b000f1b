using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Telemetry.Testing.Influx;

/// <summary>
/// A Kestrel app on a loopback port that speaks InfluxDB 2's write API (and passes InfluxQL, ping and health) in front
/// of influxd 1.6, which has only the 1.x API. It can be stopped and started again on the same port.
/// </summary>
internal sealed class InfluxProxy(WriteEndpoint writes, PassThroughEndpoints passThrough) : IAsyncDisposable
{
    /// <summary>The largest request body the proxy takes; past it the answer is 413.</summary>
    public const long MaxBodyBytes = 64L * 1024 * 1024;

    private WebApplication? _app;

    /// <summary>The port, chosen by the system at the first start and kept after it.</summary>
    public int Port { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            throw new InvalidOperationException("The proxy is already running.");
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, Port);
            kestrel.Limits.MaxRequestBodySize = MaxBodyBytes;
        });
        builder.Services.AddRoutingCore();

        var app = builder.Build();
        app.UseRouting();
        app.MapPost("/api/v2/write", writes.HandleAsync);
        app.MapMethods("/query", ["GET", "POST"], passThrough.QueryAsync);
        app.MapMethods("/ping", ["GET", "HEAD"], passThrough.PingAsync);
        app.MapMethods("/health", ["GET", "HEAD"], passThrough.HealthAsync);

        await app.StartAsync(cancellationToken);
        _app = app;
        Port = new Uri(app.Urls.Single()).Port;
    }

    public async Task StopAsync()
    {
        if (_app is not { } app)
        {
            return;
        }

        _app = null;
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
