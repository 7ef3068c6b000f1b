namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>A Prometheus text page was rejected: malformed, or past one of its bounds. The message names the line or the limit.</summary>
public sealed class PrometheusTextException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PrometheusTextException() { }

    /// <summary>Creates the exception with a message.</summary>
    public PrometheusTextException(string message) : base(message) { }

    /// <summary>Creates the exception with a message and cause.</summary>
    public PrometheusTextException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Creates the exception for a problem found on a line (1-based), or on the page as a whole when <paramref name="line"/> is null.</summary>
    public PrometheusTextException(PrometheusTextError error, int? line, string problem, Exception? inner = null)
        : base(line is null ? problem : $"line {line}: {problem}", inner)
    {
        Error = error;
        Line = line;
    }

    /// <summary>What is wrong.</summary>
    public PrometheusTextError Error { get; }

    /// <summary>The 1-based line the problem was found on, or null for the page as a whole.</summary>
    public int? Line { get; }

    /// <summary>Whether the page was rejected for exceeding a bound rather than for its syntax.</summary>
    public bool ExceedsLimit => Error >= PrometheusTextError.PageTooLarge;
}
