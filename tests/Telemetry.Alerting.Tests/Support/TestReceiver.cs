using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Telemetry.Alerting.Tests.Support;

/// <summary>A request as the receiver saw it.</summary>
internal sealed record ReceivedRequest(string Path, string? Id, string? Timestamp, string? Signature, byte[] Body, DateTimeOffset At);

/// <summary>
/// A real HTTP server (Kestrel on 127.0.0.1, a free port) that answers webhook calls from a script, one step per
/// request, and 200 once the script is done; it records every request.
/// </summary>
internal sealed class TestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script;
    private int _inFlight;
    private int _maxInFlight;

    private TestReceiver(WebApplication app, IEnumerable<Func<HttpContext, Task>> script)
    {
        _app = app;
        _script = new(script);
    }

    public ConcurrentQueue<ReceivedRequest> Requests { get; } = new();

    public int MaxInFlight => Volatile.Read(ref _maxInFlight);

    /// <summary>The base URL, <c>http://127.0.0.1:PORT/</c>.</summary>
    public Uri Url { get; private set; } = null!;

    public int Port => Url.Port;

    public static async Task<TestReceiver> StartAsync(params Func<HttpContext, Task>[] script)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var receiver = new TestReceiver(app, script);
        app.Run(receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = new Uri(app.Urls.Single().TrimEnd('/') + "/");
        return receiver;
    }

    /// <summary>Answers with a status and, optionally, headers.</summary>
    public static Func<HttpContext, Task> Respond(int status, params (string Name, string Value)[] headers) => context =>
    {
        context.Response.StatusCode = status;
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return Task.CompletedTask;
    };

    /// <summary>Answers nothing for a while (or until the caller gives up), then 200.</summary>
    public static Func<HttpContext, Task> Hang(TimeSpan span) => async context =>
    {
        try
        {
            await Task.Delay(span, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The sender gave up: what the test is about.
        }
    };

    /// <summary>Takes its time, then 200.</summary>
    public static Func<HttpContext, Task> Slow(TimeSpan span) => context => Task.Delay(span);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var now = Interlocked.Increment(ref _inFlight);
        int seen;
        while (now > (seen = Volatile.Read(ref _maxInFlight)) && Interlocked.CompareExchange(ref _maxInFlight, now, seen) != seen)
        {
        }

        try
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body, context.RequestAborted);
            var headers = context.Request.Headers;
            Requests.Enqueue(new ReceivedRequest(context.Request.Path, headers["webhook-id"], headers["webhook-timestamp"], headers["webhook-signature"],
                body.ToArray(), DateTimeOffset.UtcNow));
            await (_script.TryDequeue(out var step) ? step(context) : Respond(200)(context));
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }
}
