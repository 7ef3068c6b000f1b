using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Telemetry.Agent.Host.Tests;

/// <summary>A real HTTP server (Kestrel) on 127.0.0.1 and a free port, serving one dcgm-exporter page on every request.</summary>
internal sealed class ExporterPageServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ExporterPageServer(WebApplication app) => _app = app;

    /// <summary>The metrics URL.</summary>
    public Uri Url { get; private set; } = null!;

    public static async Task<ExporterPageServer> StartAsync(string page)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.Run(context =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            return context.Response.WriteAsync(page, context.RequestAborted);
        });
        await app.StartAsync();
        return new ExporterPageServer(app) { Url = new Uri(new Uri(app.Urls.Single()), "/metrics") };
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
