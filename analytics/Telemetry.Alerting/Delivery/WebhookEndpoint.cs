using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Telemetry.Alerting.Safety;
using Telemetry.Alerting.Webhooks;

namespace Telemetry.Alerting.Delivery;

/// <summary>
/// One configured endpoint: its guarded HTTP client, its signer and its concurrency limit. An attempt is signed anew
/// (timestamp and signature) with the delivery's unchanging id, and its answer classified: 2xx delivered; 408, 429,
/// 5xx, timeouts and network errors retried (Retry-After honoured on 429 and 503); redirects, other 4xx and refused
/// addresses failed for good.
/// </summary>
internal sealed class WebhookEndpoint : IDisposable
{
    private static readonly ProductInfoHeaderValue UserAgent = new("telemetry-alerting", "1.0");

    private readonly HttpClient _client;
    private readonly WebhookSigner _signer;
    private readonly Uri _url;
    private readonly TimeProvider _time;

    public WebhookEndpoint(WebhookEndpointOptions options, IHostResolver resolver, TimeProvider time)
    {
        Options = options;
        _time = time;
        _url = new Uri(options.Url!, UriKind.Absolute);
        _signer = new WebhookSigner(options.Secret!);
        var handler = new GuardedConnector(options.AllowPrivateNetwork, resolver).CreateHandler(options.Timeout);
        _client = new HttpClient(handler, disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
        Gate = new SemaphoreSlim(options.MaxConcurrency, options.MaxConcurrency);
    }

    public WebhookEndpointOptions Options { get; }

    public string Name => Options.Name!;

    /// <summary>Limits the calls in flight to this endpoint.</summary>
    public SemaphoreSlim Gate { get; }

    public async Task<AttemptResult> SendAsync(OutboxEntry entry, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(entry.Body);
        var headers = _signer.Sign(entry.Id, _time.GetUtcNow(), body);
        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.UserAgent.Add(UserAgent);
        request.Headers.Add(WebhookHeaders.IdHeader, headers.Id);
        request.Headers.Add(WebhookHeaders.TimestampHeader, headers.Timestamp);
        request.Headers.Add(WebhookHeaders.SignatureHeader, headers.Signature);

        using var timeout = new CancellationTokenSource(Options.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            return Classify(response, _time.GetUtcNow());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return AttemptResult.Retry($"no answer within {Options.Timeout.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)} s");
        }
        catch (HttpRequestException error) when (Refusal(error) is { } refused)
        {
            return AttemptResult.Permanent(refused.Message);
        }
        catch (HttpRequestException error)
        {
            return AttemptResult.Retry($"request failed: {error.Message}");
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        Gate.Dispose();
    }

    internal static AttemptResult Classify(HttpResponseMessage response, DateTimeOffset now)
    {
        var code = (int)response.StatusCode;
        var status = $"HTTP {code} {response.ReasonPhrase}".TrimEnd();
        return code switch
        {
            >= 200 and < 300 => AttemptResult.Delivered(status),
            >= 300 and < 400 => AttemptResult.Permanent($"{status}: redirect to '{response.Headers.Location}' not followed"),
            429 or 503 => AttemptResult.Retry(status, RetryAfter(response, now)),
            408 or >= 500 => AttemptResult.Retry(status),
            _ => AttemptResult.Permanent(status),
        };
    }

    /// <summary>The Retry-After header as a delay: seconds, or an HTTP date from now; null when absent.</summary>
    internal static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };

    private static EndpointRefusedException? Refusal(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is EndpointRefusedException refused)
            {
                return refused;
            }
        }

        return null;
    }
}
