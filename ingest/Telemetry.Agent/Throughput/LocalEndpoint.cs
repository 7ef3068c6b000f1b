using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telemetry.Agent.Attribution;
using Telemetry.Agent.Hosting;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Throughput;

/// <summary>
/// The agent's local HTTP endpoint, on loopback by default: jobs post the tokens or samples they processed
/// (<c>POST /v1/throughput</c>), prolog and epilog scripts post allocations (<c>POST /v1/allocations</c>), and
/// <c>GET /healthz</c> answers when the agent runs, and <c>GET /metrics</c> serves its own metrics. Bodies are bounded; a bad request gets 400 with a problem naming
/// the field.
/// </summary>
public sealed class LocalEndpoint(
    LocalEndpointOptions options,
    string node,
    ThroughputInbox throughput,
    RequestedAllocations allocations,
    Func<IReadOnlyList<GpuIdentity>> knownGpus,
    TimeProvider time,
    ILoggerFactory loggers) : IAsyncDisposable
{
    private const int MaxIdLength = 256;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastReport = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>The agent's own metrics, served on <c>GET /metrics</c> in the Prometheus text format; not served when null.</summary>
    public System.Diagnostics.Metrics.Meter? Metrics { get; init; }

    /// <summary>The address it listens on, once started (the real port when the configured one was 0).</summary>
    public Uri? Address { get; private set; }

    /// <summary>Starts listening.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Limits.MaxRequestBodySize = options.MaxRequestBytes;
            k.Limits.MaxRequestHeadersTotalSize = 16 * 1024;
            k.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
        });
        if (Metrics is { } meter)
        {
            builder.Services.AddAgentMetrics(meter);
        }

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok\n"));
        if (Metrics is not null)
        {
            app.MapPrometheusScrapingEndpoint("/metrics");
        }

        app.MapPost("/v1/throughput", ThroughputAsync);
        app.MapPost("/v1/allocations", AllocationAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Address = new Uri(address);
        if (!Address.IsLoopback)
        {
            Log.EndpointBeyondLoopback(loggers.CreateLogger<LocalEndpoint>(), Address);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync().ConfigureAwait(false);
            await _app.DisposeAsync().ConfigureAwait(false);
            _app = null;
        }
    }

    private async Task<IResult> ThroughputAsync(HttpRequest request)
    {
        var (body, error) = await ReadAsync(request, EndpointJsonContext.Default.ThroughputRequest).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (BadId(body!.JobId) is { } idProblem)
        {
            return BadRequest("job_id " + idProblem);
        }

        if (body.Count is not >= 0)
        {
            return BadRequest("count must be a whole number of units, 0 or more");
        }

        var unit = body.Unit ?? "tokens";
        if (unit is not ("tokens" or "samples"))
        {
            return BadRequest($"unit '{unit}' must be 'tokens' or 'samples'");
        }

        var end = body.End ?? time.GetUtcNow();
        var start = body.Start ?? (_lastReport.TryGetValue(body.JobId!, out var last) && last < end ? last : end.AddSeconds(-1));
        if (end <= start)
        {
            return BadRequest($"end ({end:O}) must be after start ({start:O})");
        }

        if (!throughput.TryEnqueue(new ThroughputEvent(body.JobId!, start, end, body.Count.Value, unit)))
        {
            return Results.Json(new Problem("Busy", 503, "the agent's throughput queue is full; retry shortly"), EndpointJsonContext.Default.Problem, statusCode: 503);
        }

        _lastReport[body.JobId!] = end;
        return Results.Accepted();
    }

    private async Task<IResult> AllocationAsync(HttpRequest request)
    {
        var (body, error) = await ReadAsync(request, EndpointJsonContext.Default.AllocationRequest).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var type = body!.Type?.ToLowerInvariant() switch
        {
            "start" => AllocationEventType.Start,
            "stop" => AllocationEventType.Stop,
            _ => (AllocationEventType?)null,
        };
        if (type is null)
        {
            return BadRequest($"type '{body.Type}' must be 'start' or 'stop'");
        }

        if (BadId(body.JobId) is { } idProblem)
        {
            return BadRequest("job_id " + idProblem);
        }

        if (body.Gpus is not { Count: > 0 and <= EventCodec.MaxGpusPerAllocation })
        {
            return BadRequest($"gpus must list 1 to {EventCodec.MaxGpusPerAllocation} GPUs by index, index.instance or UUID");
        }

        var keys = new List<string>();
        var gpus = knownGpus();
        foreach (var name in body.Gpus)
        {
            if (GpuNames.Resolve(name, gpus) is not { } key)
            {
                return BadRequest($"gpus: '{name}' is not a GPU of this node (known: {string.Join(", ", gpus.Select(GpuNames.Describe))})");
            }

            keys.Add(key);
        }

        allocations.Enqueue(new AllocationEvent(type.Value, time.GetUtcNow(), node, keys, body.JobId!, body.User ?? "", body.Team ?? ""));
        return Results.Accepted();
    }

    private static async Task<(T? Body, IResult? Error)> ReadAsync<T>(HttpRequest request, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type)
        where T : class
    {
        if (!request.HasJsonContentType())
        {
            return (null, Results.Json(new Problem("Unsupported media type", 415, "send the body as application/json"), EndpointJsonContext.Default.Problem, statusCode: 415));
        }

        try
        {
            var body = await request.ReadFromJsonAsync(type).ConfigureAwait(false);
            return body is null ? (null, BadRequest("the body is JSON null")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest("the body is not valid JSON for this request: " + e.Message));
        }
        catch (BadHttpRequestException e)
        {
            return (null, Results.Json(new Problem("Bad request", e.StatusCode, e.Message), EndpointJsonContext.Default.Problem, statusCode: e.StatusCode));
        }
    }

    private static string? BadId(string? id) =>
        string.IsNullOrWhiteSpace(id) ? "is required"
        : id.Length > MaxIdLength ? $"is longer than {MaxIdLength} characters"
        : id.Any(char.IsControl) ? "contains control characters"
        : null;

    private static IResult BadRequest(string detail) =>
        Results.Json(new Problem("Bad request", 400, detail), EndpointJsonContext.Default.Problem, statusCode: 400);
}
