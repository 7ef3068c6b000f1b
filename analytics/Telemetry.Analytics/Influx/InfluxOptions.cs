namespace Telemetry.Analytics.Influx;

/// <summary>
/// Where and how the aggregator writes to InfluxDB. For InfluxDB 2.x and 3.x: URL, token, organization and bucket.
/// For InfluxDB 1.8 and later 1.x: the bucket is <c>database/retention-policy</c> (or just the database), the token
/// <c>user:password</c> or empty, and the organization is ignored (any non-empty value, <c>-</c> by convention).
/// </summary>
public sealed class InfluxOptions
{
    /// <summary>Base URL of the server, for example <c>http://influxdb:8086</c>.</summary>
    public string Url { get; set; } = "";

    /// <summary>API token (2.x, 3.x) or <c>user:password</c> (1.x); empty for a server without authentication.</summary>
    public string Token { get; set; } = "";

    /// <summary>Organization (2.x); ignored by 1.x.</summary>
    public string Org { get; set; } = "-";

    /// <summary>Bucket (2.x, 3.x) or <c>database/retention-policy</c> (1.x).</summary>
    public string Bucket { get; set; } = "telemetry";

    /// <summary>Points per write request.</summary>
    public int BatchSize { get; set; } = 5000;

    /// <summary>Whether write requests are gzip-compressed.</summary>
    public bool Gzip { get; set; } = true;

    /// <summary>How long one request may take before it counts as timed out (and is retried).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries of one batch after a 5xx, 429 or timeout, before the window is left for a later attempt.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first retry's delay; each further retry doubles it, with jitter.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest wait between retries, Retry-After included.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The file that points the server rejected as malformed (HTTP 400) are appended to, one JSON object per line with
    /// the reason; empty for <c>influx-dead-letter.jsonl</c> in the ledger directory.
    /// </summary>
    public string DeadLetterPath { get; set; } = "";

    /// <summary>How long start-up waits for the server to answer before it reports it unreachable.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Checks every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it and says what is expected.</exception>
    public void Validate()
    {
        Check(Uri.TryCreate(Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && string.IsNullOrEmpty(url.Query),
            nameof(Url), $"must be an http:// or https:// URL without a query, like http://influxdb:8086 (got '{Url}')");
        Check(!string.IsNullOrWhiteSpace(Bucket) && Bucket.Trim() == Bucket, nameof(Bucket), "must name a bucket (2.x) or database/retention-policy (1.x), without surrounding spaces");
        Check(!string.IsNullOrWhiteSpace(Org), nameof(Org), "must not be empty (any value, '-' by convention, for InfluxDB 1.x)");
        Check(Token.IndexOfAny(['\r', '\n']) < 0, nameof(Token), "must be on one line");
        Check(BatchSize is >= 1 and <= 100_000, nameof(BatchSize), "must be between 1 and 100000 points");
        Check(RequestTimeout > TimeSpan.Zero && RequestTimeout <= TimeSpan.FromMinutes(5), nameof(RequestTimeout), "must be more than zero and at most 5 minutes");
        Check(MaxRetries is >= 0 and <= 20, nameof(MaxRetries), "must be between 0 and 20");
        Check(RetryDelay > TimeSpan.Zero && RetryDelay <= MaxRetryDelay, nameof(RetryDelay), "must be more than zero and at most MaxRetryDelay");
        Check(MaxRetryDelay <= TimeSpan.FromMinutes(10), nameof(MaxRetryDelay), "must be at most 10 minutes");
        Check(ConnectTimeout > TimeSpan.Zero && ConnectTimeout <= TimeSpan.FromMinutes(1), nameof(ConnectTimeout), "must be more than zero and at most 1 minute");
    }

    private static void Check(bool ok, string setting, string problem)
    {
        if (!ok)
        {
            throw new ArgumentException($"Influx:{setting} {problem}.", setting);
        }
    }
}
