using Microsoft.AspNetCore.Http;

namespace Telemetry.Testing.Influx;

/// <summary>
/// What the proxy passes to influxd as it is: InfluxQL on <c>/query</c> and <c>/ping</c>; and <c>/health</c>, which
/// influxd 1.6 lacks, answered from a ping in InfluxDB 2's shape.
/// </summary>
internal sealed class PassThroughEndpoints(InfluxdProcess influxd, HttpClient http)
{
    /// <summary><c>GET|POST /query</c>: the query string, body, content type and <c>Accept</c> (influxd also answers CSV).</summary>
    public async Task QueryAsync(HttpContext context)
    {
        var request = context.Request;
        using var forwarded = new HttpRequestMessage(new HttpMethod(request.Method), new Uri(influxd.BaseUri, "query" + request.QueryString));
        if (HttpMethods.IsPost(request.Method))
        {
            forwarded.Content = new StreamContent(request.Body);
            if (request.ContentType is { } contentType)
            {
                forwarded.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }
        }

        forwarded.Headers.TryAddWithoutValidation("Accept", request.Headers.Accept.ToArray());
        await ForwardAsync(forwarded, context);
    }

    /// <summary><c>GET|HEAD /ping</c>: influxd's 204 and version header.</summary>
    public async Task PingAsync(HttpContext context)
    {
        using var forwarded = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(influxd.BaseUri, "ping"));
        await ForwardAsync(forwarded, context);
    }

    /// <summary><c>GET|HEAD /health</c>: 200 and <c>"status": "pass"</c> while influxd answers its ping, 503 and <c>"fail"</c> otherwise.</summary>
    public async Task HealthAsync(HttpContext context)
    {
        var pass = await influxd.PingsAsync(context.RequestAborted);
        var response = context.Response;
        response.StatusCode = pass ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable;
        if (HttpMethods.IsHead(context.Request.Method))
        {
            return;
        }

        var health = new
        {
            name = "influxdb",
            message = pass ? "ready for queries and writes" : "influxd does not answer its ping",
            status = pass ? "pass" : "fail",
            checks = Array.Empty<object>(),
        };
        await response.WriteAsJsonAsync(health, context.RequestAborted);
    }

    private async Task ForwardAsync(HttpRequestMessage forwarded, HttpContext context)
    {
        try
        {
            using var answer = await http.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, context.RequestAborted);
            await HttpForwarding.CopyAsync(answer, context.Response, context.RequestAborted);
        }
        catch (HttpRequestException unreachable)
        {
            await HttpForwarding.ErrorAsync(context.Response, 503, "unavailable", $"influxd is not reachable: {unreachable.Message}");
        }
    }
}
