using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Telemetry.Agent.Tests.Collectors;

/// <summary>A real HTTP server (Kestrel) on 127.0.0.1 and a free port, answering every request with the current responder.</summary>
internal sealed class LoopbackExporter : IAsyncDisposable
{
    private readonly WebApplication _app;
    private volatile Func<HttpContext, Task> _respond;

    private LoopbackExporter(WebApplication app, Func<HttpContext, Task> respond)
    {
        _app = app;
        _respond = respond;
    }

    /// <summary>The metrics URL.</summary>
    public Uri Url { get; private set; } = null!;

    /// <summary>Starts a server that answers with <paramref name="respond"/>.</summary>
    public static async Task<LoopbackExporter> StartAsync(Func<HttpContext, Task> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackExporter(app, respond);
        app.Run(context => server._respond(context));
        await app.StartAsync();
        server.Url = new Uri(new Uri(app.Urls.Single()), "/metrics");
        return server;
    }

    /// <summary>Starts a server that serves <paramref name="page"/>.</summary>
    public static Task<LoopbackExporter> StartAsync(string page) => StartAsync(Text(page));

    /// <summary>Answers the next requests with <paramref name="respond"/>.</summary>
    public void Serve(Func<HttpContext, Task> respond) => _respond = respond;

    /// <summary>A responder sending <paramref name="page"/> as UTF-8 text with its length.</summary>
    public static Func<HttpContext, Task> Text(string page) => Bytes(Encoding.UTF8.GetBytes(page));

    /// <summary>A responder sending <paramref name="body"/> with its length, as dcgm-exporter's Go server does for a small page.</summary>
    public static Func<HttpContext, Task> Bytes(byte[] body) => async context =>
    {
        context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    };

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
