using System.Globalization;

namespace Telemetry.Analytics.Queries;

/// <summary>
/// Builds InfluxQL safely: identifiers only from the schema's allowlists (double-quoted), values as single-quoted
/// literals with quotes and backslashes escaped, times as integer milliseconds. Nothing is spliced raw.
/// </summary>
internal static class InfluxQl
{
    /// <summary>The longest string value a query takes.</summary>
    public const int LongestValue = 256;

    /// <summary>A double-quoted identifier; only names the caller checked against the schema reach here.</summary>
    public static string Identifier(string name)
    {
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_'))
            {
                throw new ArgumentException($"'{name}' is not an identifier this store uses.", nameof(name));
            }
        }

        return "\"" + name + "\"";
    }

    /// <summary>A single-quoted string literal.</summary>
    /// <exception cref="ArgumentException">The value is too long or has a control character; the message names <paramref name="parameter"/>.</exception>
    public static string Literal(string value, string parameter)
    {
        CheckValue(value, parameter);
        return "'" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal) + "'";
    }

    /// <summary>A time literal in milliseconds.</summary>
    public static string Time(DateTimeOffset time) => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>A time literal in milliseconds.</summary>
    public static string Time(long unixMs) => unixMs.ToString(CultureInfo.InvariantCulture) + "ms";

    /// <summary>Checks a value a caller sent.</summary>
    /// <exception cref="ArgumentException">It is empty, longer than <see cref="LongestValue"/> or has a control character.</exception>
    public static void CheckValue(string value, string parameter)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length is 0 or > LongestValue)
        {
            throw new InvalidQueryException($"{parameter} must be 1 to {LongestValue} characters long.", parameter);
        }

        if (value.Any(char.IsControl))
        {
            throw new InvalidQueryException($"{parameter} must not contain control characters.", parameter);
        }
    }
}
