namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>What is wrong with a Prometheus text page. The members from <see cref="PageTooLarge"/> on are exceeded bounds.</summary>
public enum PrometheusTextError
{
    /// <summary>A line does not follow the text format.</summary>
    Syntax,
    /// <summary>A line is not valid UTF-8.</summary>
    InvalidUtf8,
    /// <summary>The last line has no line feed and is cut short, inside a label set or before its value.</summary>
    Truncated,
    /// <summary>A series (metric name and label set) appears twice, or a family has two HELP or TYPE lines.</summary>
    Duplicate,
    /// <summary>The page is longer than the byte limit.</summary>
    PageTooLarge,
    /// <summary>A line is longer than the byte limit.</summary>
    LineTooLong,
    /// <summary>The page holds more series than the limit.</summary>
    TooManySeries,
    /// <summary>A series has more labels than the limit.</summary>
    TooManyLabels,
    /// <summary>A label value is longer than the byte limit.</summary>
    LabelValueTooLong,
}
