using Microsoft.AspNetCore.Http;

namespace Telemetry.Testing.Influx;

/// <summary>Copies influxd's answers back to the proxy's clients, and writes the proxy's own answers.</summary>
internal static class HttpForwarding
{
    /// <summary>Status, content type, body and influxd's own headers (its version, its error text, the request id).</summary>
    public static async Task CopyAsync(HttpResponseMessage from, HttpResponse to, CancellationToken cancellationToken)
    {
        to.StatusCode = (int)from.StatusCode;
        foreach (var (name, values) in from.Headers)
        {
            if (name.StartsWith("X-Influxdb-", StringComparison.OrdinalIgnoreCase) || name.Equals("Request-Id", StringComparison.OrdinalIgnoreCase))
            {
                to.Headers[name] = values.ToArray();
            }
        }

        if (from.Content.Headers.ContentType is { } contentType)
        {
            to.ContentType = contentType.ToString();
        }

        await from.Content.CopyToAsync(to.Body, cancellationToken);
    }

    /// <summary>An error in the shape of InfluxDB 2's API (<c>code</c> and <c>message</c>), which the v2 clients read.</summary>
    public static Task ErrorAsync(HttpResponse response, int statusCode, string code, string message)
    {
        response.StatusCode = statusCode;
        return response.WriteAsJsonAsync(new { code, message }, response.HttpContext.RequestAborted);
    }
}
