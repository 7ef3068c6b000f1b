using System.Globalization;
using Microsoft.AspNetCore.Http;
using Telemetry.Analytics.Queries;

namespace Telemetry.Api.Http;

/// <summary>
/// Reads a request's query parameters strictly: each at most once, never empty, at most
/// <see cref="RequestLimits.MaxValueLength"/> characters, no control characters; integers in range, times in ISO 8601,
/// names from a fixed list. Anything else throws <see cref="InvalidQueryException"/> naming the parameter.
/// </summary>
internal sealed class QueryParameters(IQueryCollection query)
{
    // ISO 8601 as callers write it: a date (midnight UTC), or a date and time with Z or an offset (never without: a
    // local time would mean a different instant to every caller); seconds and fractions optional.
    private static readonly string[] TimeFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm'Z'",
        "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'",
        "yyyy-MM-dd'T'HH:mm:sszzz",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    /// <summary>A text value, or null when the parameter is absent.</summary>
    public string? Text(string name)
    {
        if (!query.TryGetValue(name, out var values) || values.Count == 0)
        {
            return null;
        }

        if (values.Count > 1)
        {
            throw new InvalidQueryException($"{name} may be given once (got {values.Count} values).", name);
        }

        var value = values[0] ?? "";
        if (value.Length == 0)
        {
            throw new InvalidQueryException($"{name} must not be empty; leave it out instead.", name);
        }

        if (value.Length > RequestLimits.MaxValueLength)
        {
            throw new InvalidQueryException($"{name} must be at most {RequestLimits.MaxValueLength} characters (got {value.Length}).", name);
        }

        if (value.Any(char.IsControl))
        {
            throw new InvalidQueryException($"{name} must not contain control characters.", name);
        }

        return value;
    }

    /// <summary>A whole number in [<paramref name="min"/>, <paramref name="max"/>], or the default when absent.</summary>
    public int Integer(string name, int defaultValue, int min, int max)
    {
        if (Text(name) is not { } text)
        {
            return defaultValue;
        }

        // Digits only: no sign, spaces, separators or exponents.
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw new InvalidQueryException($"{name} must be a whole number from {min} to {max} (got '{ApiProblems.Printable(text)}').", name);
        }

        return value;
    }

    /// <summary>One of a fixed set of names (any case), or the default when absent.</summary>
    public T Choice<T>(string name, T defaultValue, IReadOnlyDictionary<string, T> choices)
    {
        if (Text(name) is not { } text)
        {
            return defaultValue;
        }

        return choices.TryGetValue(text, out var value)
            ? value
            : throw new InvalidQueryException($"{name} must be one of {string.Join(", ", choices.Keys)} (got '{ApiProblems.Printable(text)}').", name);
    }

    /// <summary>An ISO 8601 time, or null when absent.</summary>
    public DateTimeOffset? Time(string name)
    {
        if (Text(name) is not { } text)
        {
            return null;
        }

        if (!DateTimeOffset.TryParseExact(text, TimeFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            var hint = text.Contains(' ', StringComparison.Ordinal) ? " A '+' in a URL reads as a space: write the offset as %2B or use Z." : "";
            throw new InvalidQueryException(
                $"{name} must be an ISO 8601 date, or a time with Z or an offset, such as 2026-03-01 or 2026-03-01T12:00:00Z (got '{ApiProblems.Printable(text)}').{hint}", name);
        }

        return time;
    }

    /// <summary>
    /// The range of <c>from</c> and <c>to</c>: <c>to</c> defaults to now and <c>from</c> to <see cref="ApiDefaults.Range"/>
    /// before <c>to</c>. The range
    /// must end after it starts and span at most <see cref="TimeRange.Longest"/>.
    /// </summary>
    public TimeRange Range(TimeProvider time)
    {
        var from = Time("from");
        var to = Time("to") ?? time.GetUtcNow();
        if (from is null && to - DateTimeOffset.MinValue < ApiDefaults.Range)
        {
            // The default from would fall before the first instant a DateTimeOffset can hold.
            throw new InvalidQueryException($"to must be at least {ApiDefaults.Range.TotalHours:0} hours after 0001-01-01 when from is left out (got {Show(to)}).", "to");
        }

        var range = new TimeRange(from ?? to - ApiDefaults.Range, to);
        if (range.To <= range.From)
        {
            throw new InvalidQueryException($"to must be after from (from {Show(range.From)}, to {Show(range.To)}).", "to");
        }

        if (range.To - range.From > TimeRange.Longest)
        {
            throw new InvalidQueryException($"The range may span at most {TimeRange.Longest.TotalDays:0} days (from {Show(range.From)}, to {Show(range.To)}).", from is null ? "to" : "from");
        }

        return range;
    }

    private static string Show(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
}
