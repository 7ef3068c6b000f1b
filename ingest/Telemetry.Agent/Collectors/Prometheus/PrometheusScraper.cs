using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>
/// GETs a Prometheus text page and hands it, streaming, to a reader. The whole scrape, headers and body, is bounded
/// by one timeout and by <see cref="PrometheusLimits"/>; every failure comes out as a <see cref="ScrapeException"/>
/// whose cause says what kind it was.
/// </summary>
internal sealed class PrometheusScraper
{
    private readonly HttpClient _client;
    private readonly Uri _url;
    private readonly TimeSpan _timeout;
    private readonly PrometheusLimits _limits;
    private readonly TimeProvider _time;

    /// <summary>Scrapes <paramref name="url"/> through <paramref name="client"/>.</summary>
    public PrometheusScraper(HttpClient client, Uri url, TimeSpan timeout, PrometheusLimits limits, TimeProvider time)
    {
        _client = client;
        _url = url;
        _timeout = timeout;
        _limits = limits;
        _time = time;
    }

    /// <summary>The URL scraped.</summary>
    public Uri Url => _url;

    /// <summary>An <see cref="HttpClient"/> for scrapes of untrusted pages: no connection reuse after an unread body, no client timeout of its own.</summary>
    public static HttpClient CreateClient() => new(new SocketsHttpHandler
    {
        // A body left unread is one the reader rejected: close the connection rather than drain what may be endless.
        MaxResponseDrainSize = 0,
        AutomaticDecompression = DecompressionMethods.None,
        AllowAutoRedirect = false,
    })
    {
        Timeout = Timeout.InfiniteTimeSpan,
    };

    /// <summary>Scrapes once and returns what <paramref name="read"/> makes of the page.</summary>
    /// <exception cref="ScrapeException">The request, the answer or the page failed, or the timeout passed.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public async Task<T> ScrapeAsync<T>(Func<PrometheusTextReader, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await FetchAsync(read, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            // Not the caller's cancellation: this scrape's timeout, or that of an HttpClient passed in.
            throw Fail("timeout", string.Create(CultureInfo.InvariantCulture, $"no complete page within {_timeout.TotalSeconds:0.###} s (Timeout)"), e);
        }
        catch (HttpRequestException e)
        {
            throw Fail("http", Describe(e), e);
        }
        catch (IOException e)
        {
            throw Fail("http", $"the connection failed while reading the page ({e.Message})", e);
        }
        catch (PrometheusTextException e)
        {
            throw Fail(e.ExceedsLimit ? "too-large" : "parse", e.Message, e);
        }
    }

    private async Task<T> FetchAsync<T>(Func<PrometheusTextReader, CancellationToken, ValueTask<T>> read, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, _url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain"));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw Fail($"http-{(int)response.StatusCode}", $"the server answered HTTP {(int)response.StatusCode} ({response.ReasonPhrase})");
        }

        if (response.Content.Headers.ContentLength > _limits.MaxPageBytes)
        {
            throw Fail("too-large",
                $"the page is {response.Content.Headers.ContentLength} bytes, more than {_limits.MaxPageBytes} (MaxPageBytes)");
        }

        var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (body.ConfigureAwait(false))
        {
            using var reader = new PrometheusTextReader(body, _limits);
            return await read(reader, cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Describe(HttpRequestException e) => e switch
    {
        { InnerException: SocketException { SocketErrorCode: SocketError.ConnectionRefused } } => "connection refused",
        { HttpRequestError: HttpRequestError.NameResolutionError } => "the host name does not resolve",
        { HttpRequestError: HttpRequestError.ConnectionError } => $"no connection ({e.Message})",
        _ => e.Message,
    };

    private ScrapeException Fail(string cause, string problem, Exception? inner = null) => new(_url, cause, problem, inner);
}
