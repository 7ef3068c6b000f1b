namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>
/// One scrape of a Prometheus endpoint failed. <see cref="Cause"/> is a short, bounded tag for counters
/// (<c>http</c>, <c>http-503</c>, <c>timeout</c>, <c>too-large</c>, <c>parse</c>); the message names the URL and the problem.
/// </summary>
public sealed class ScrapeException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ScrapeException() { }

    /// <summary>Creates the exception with a message.</summary>
    public ScrapeException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public ScrapeException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception for a failed scrape of <paramref name="url"/>.</summary>
    public ScrapeException(Uri url, string cause, string problem, Exception? inner = null)
        : base($"Scrape of {url} failed: {problem}", inner)
    {
        Url = url;
        Cause = cause;
        Problem = problem;
    }

    /// <summary>The URL scraped.</summary>
    public Uri? Url { get; }

    /// <summary>Short tag of the failure, for counters.</summary>
    public string Cause { get; } = "unknown";

    /// <summary>What went wrong, without the URL.</summary>
    public string Problem { get; } = "";
}
