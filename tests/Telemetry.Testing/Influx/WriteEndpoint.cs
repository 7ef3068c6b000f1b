using System.Globalization;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;

namespace Telemetry.Testing.Influx;

/// <summary>
/// <c>POST /api/v2/write</c>: reads the body (bounded), holds it back or fails it when a fault is planned, and otherwise
/// passes it byte for byte, with its <c>Content-Encoding</c>, to influxd's <c>/write</c>, answering what influxd answers.
/// </summary>
internal sealed class WriteEndpoint(InfluxdProcess influxd, HttpClient http, WriteFaults faults, WriteLog log)
{
    /// <summary>Recorded, under nginx's code for it, for a write whose client hung up before it was answered.</summary>
    private const int ClientClosedRequest = 499;

    public async Task HandleAsync(HttpContext context)
    {
        log.Receive();
        var request = context.Request;
        var precision = request.Query["precision"].ToString();
        var encoding = request.Headers.ContentEncoding.ToString();
        var answer = new InfluxWriteRequest(0, NullIfEmpty(precision), NullIfEmpty(encoding), -1, Forwarded: false);
        try
        {
            answer = await AnswerAsync(context, answer);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            answer = answer with { StatusCode = ClientClosedRequest };
        }

        log.Answer(answer);
    }

    private async Task<InfluxWriteRequest> AnswerAsync(HttpContext context, InfluxWriteRequest answer)
    {
        var response = context.Response;
        var cancellationToken = context.RequestAborted;
        var precision = WriteTranslation.Precision(answer.Precision);
        if (precision is null)
        {
            await HttpForwarding.ErrorAsync(response, 400, "invalid", "invalid precision; valid precision units are ns, us, ms, and s");
            return answer with { StatusCode = 400 };
        }

        var query = WriteTranslation.Query(context.Request.Query["bucket"].ToString(), precision);
        if (query is null)
        {
            await HttpForwarding.ErrorAsync(response, 400, "invalid", "bucket not specified; use \"database\" or \"database/retention-policy\"");
            return answer with { StatusCode = 400 };
        }

        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await context.Request.Body.CopyToAsync(buffer, cancellationToken);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            await HttpForwarding.ErrorAsync(response, 413, "request too large", $"the body is over {InfluxProxy.MaxBodyBytes} bytes");
            return answer with { StatusCode = 413 };
        }

        answer = answer with { BodyBytes = body.Length };
        if (faults.TakeDelay() is { } delay)
        {
            await Task.Delay(delay, cancellationToken);
        }

        if (faults.TakeFailure() is { } failure)
        {
            await FailAsync(response, failure);
            return answer with { StatusCode = failure.StatusCode };
        }

        return answer with { StatusCode = await ForwardAsync(response, query, body, answer.ContentEncoding, cancellationToken), Forwarded = true };
    }

    private async Task<int> ForwardAsync(HttpResponse response, string query, byte[] body, string? encoding, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain") { CharSet = "utf-8" };
        if (encoding is not null)
        {
            content.Headers.ContentEncoding.Add(encoding);
        }

        using var forwarded = new HttpRequestMessage(HttpMethod.Post, new Uri(influxd.BaseUri, "write" + query)) { Content = content };
        try
        {
            using var answer = await http.SendAsync(forwarded, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            await HttpForwarding.CopyAsync(answer, response, cancellationToken);
        }
        catch (HttpRequestException unreachable)
        {
            await HttpForwarding.ErrorAsync(response, 503, "unavailable", $"influxd is not reachable: {unreachable.Message}");
        }

        return response.StatusCode;
    }

    private static Task FailAsync(HttpResponse response, InjectedFailure failure)
    {
        if (failure.RetryAfter is { } retryAfter)
        {
            response.Headers.RetryAfter = ((long)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        }

        return HttpForwarding.ErrorAsync(response, failure.StatusCode, ErrorCode(failure.StatusCode), $"injected fault: the test asked for {failure.StatusCode}");
    }

    /// <summary>The <c>code</c> InfluxDB 2 puts in an error body with this status.</summary>
    private static string ErrorCode(int statusCode) => statusCode switch
    {
        400 => "invalid",
        401 => "unauthorized",
        403 => "forbidden",
        404 => "not found",
        413 => "request too large",
        429 => "too many requests",
        503 => "unavailable",
        _ => "internal error",
    };

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}
