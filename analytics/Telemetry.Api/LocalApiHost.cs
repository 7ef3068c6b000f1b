using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Telemetry.Api;

/// <summary>
/// The API served by the aggregator process itself: Kestrel on 127.0.0.1 unless told otherwise
/// (<see cref="LocalApiHostOptions.Address"/>), the routes of <see cref="ApiEndpoints"/>,
/// the web view (<see cref="Web.WebView"/>) on <c>/</c>, <c>/healthz</c>, <c>/readyz</c> and, given a meter, <c>/metrics</c>;
/// tight request limits and a request timeout. Start it, print <see cref="Url"/>, dispose it on shutdown.
/// </summary>
/// <remarks>
/// Loopback by default, because the local host has no authentication of its own: with <see cref="ApiOptions.Scoping"/> on,
/// it would trust an <c>X-MS-CLIENT-PRINCIPAL</c> header that any local process can send. Put a reverse proxy that
/// authenticates in front of it to serve it further, or bind another address only where the network itself is trusted
/// (a pod's, for probes and scrapes); that is logged as a warning.
/// </remarks>
public sealed class LocalApiHost : IAsyncDisposable
{
    /// <summary>How long one request may take before it is answered 504.</summary>
    public static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(30);

    /// <summary>The longest request line (method, path, query): longer ones are answered 414 by Kestrel itself.</summary>
    public const int MaxRequestLineBytes = 16 * 1024;

    /// <summary>The most bytes of headers in one request.</summary>
    public const int MaxRequestHeadersBytes = 48 * 1024;

    /// <summary>The largest body Kestrel reads; the handlers refuse any body anyway.</summary>
    public const long MaxRequestBodyBytes = 1024;

    private readonly WebApplication _app;

    private LocalApiHost(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>The base URL, <c>http://127.0.0.1:PORT</c>, without a trailing slash.</summary>
    public string Url { get; }

    /// <summary>Starts serving <paramref name="api"/> on 127.0.0.1, logging nowhere.</summary>
    /// <param name="api">The handlers.</param>
    /// <param name="port">The port; 0 for a free one (read it from <see cref="Url"/>).</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is taken.</exception>
    public static Task<LocalApiHost> StartAsync(TelemetryApi api, int port, CancellationToken cancellationToken) =>
        StartAsync(api, port, new LocalApiHostOptions(), cancellationToken);

    /// <summary>Starts serving <paramref name="api"/> on 127.0.0.1.</summary>
    /// <param name="api">The handlers.</param>
    /// <param name="port">The port; 0 for a free one (read it from <see cref="Url"/>).</param>
    /// <param name="loggerFactory">Where Kestrel and the host log; nowhere when null.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is taken.</exception>
    public static Task<LocalApiHost> StartAsync(TelemetryApi api, int port, ILoggerFactory? loggerFactory, CancellationToken cancellationToken) =>
        StartAsync(api, port, new LocalApiHostOptions { Loggers = loggerFactory }, cancellationToken);

    /// <summary>Starts serving <paramref name="api"/> on 127.0.0.1, with the process's health and metrics beside it.</summary>
    /// <param name="api">The handlers.</param>
    /// <param name="port">The port; 0 for a free one (read it from <see cref="Url"/>).</param>
    /// <param name="options">Metrics, readiness and logging.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<LocalApiHost> StartAsync(TelemetryApi api, int port, LocalApiHostOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, IPEndPoint.MaxPort);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(LocalApiHost).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        if (options.Loggers is { } loggerFactory)
        {
            builder.Services.AddSingleton(loggerFactory);
        }

        if (options.Metrics is { } meter)
        {
            builder.Services.AddSelfMetrics(meter, "telemetry-aggregator");
        }

        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Listen(options.Address, port);
            kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            kestrel.Limits.MaxRequestLineSize = MaxRequestLineBytes;
            kestrel.Limits.MaxRequestHeadersTotalSize = MaxRequestHeadersBytes;
            kestrel.Limits.MaxRequestHeaderCount = 64;
            kestrel.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            kestrel.Limits.KeepAliveTimeout = TimeSpan.FromMinutes(1);
            kestrel.Limits.MaxConcurrentConnections = 256;
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddRequestTimeouts(options => options.DefaultPolicy = new RequestTimeoutPolicy
        {
            Timeout = RequestTimeout,
            TimeoutStatusCode = StatusCodes.Status504GatewayTimeout,
        });

        var app = builder.Build();
        app.UseRouting();
        app.UseRequestTimeouts();
        ApiEndpoints.Map(app, api);
        HealthEndpoints.Map(app, options.Ready);
        Web.WebView.Map(app);
        if (options.Metrics is not null)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var url = address.TrimEnd('/');
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger<LocalApiHost>();
        Log.Listening(logger, url);
        if (!IPAddress.IsLoopback(options.Address))
        {
            Log.ListeningBeyondLoopback(logger, url);
        }

        return new LocalApiHost(app, url);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
