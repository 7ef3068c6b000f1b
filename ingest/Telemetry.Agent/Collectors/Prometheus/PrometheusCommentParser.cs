using System.Text;

namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>
/// Parses a line that starts with <c>#</c>: <c># HELP name docstring</c> (escaping <c>\\</c> and <c>\n</c>),
/// <c># TYPE name type</c>, or any other comment, which is ignored.
/// </summary>
internal static class PrometheusCommentParser
{
    /// <summary>The HELP or TYPE a comment line carries, or null for a plain comment.</summary>
    /// <exception cref="PrometheusTextException">A HELP or TYPE line is malformed.</exception>
    public static PrometheusMetadata? Parse(ReadOnlySpan<byte> line, int lineNumber)
    {
        var cursor = new PrometheusLineCursor(line, lineNumber);
        cursor.SkipBlanks();
        cursor.TryTake((byte)'#');
        cursor.SkipBlanks();
        var keyword = cursor.ReadToken();
        var isHelp = keyword.SequenceEqual("HELP"u8);
        if (!isHelp && !keyword.SequenceEqual("TYPE"u8))
        {
            return null;
        }

        cursor.SkipBlanks();
        var family = cursor.ReadName(metric: true);
        if (!cursor.AtEnd && cursor.Remaining[0] is not ((byte)' ' or (byte)'\t'))
        {
            throw cursor.Fail($"unexpected character after the name {PrometheusLineCursor.Excerpt(family)}");
        }

        cursor.SkipBlanks();
        return isHelp
            ? new PrometheusMetadata(family, null, UnescapeHelp(cursor.Remaining, ref cursor))
            : new PrometheusMetadata(family, ReadType(ref cursor, family), null);
    }

    private static PrometheusMetricType ReadType(ref PrometheusLineCursor cursor, string family)
    {
        var token = cursor.ReadToken();
        PrometheusMetricType? type = token switch
        {
            _ when token.SequenceEqual("counter"u8) => PrometheusMetricType.Counter,
            _ when token.SequenceEqual("gauge"u8) => PrometheusMetricType.Gauge,
            _ when token.SequenceEqual("histogram"u8) => PrometheusMetricType.Histogram,
            _ when token.SequenceEqual("summary"u8) => PrometheusMetricType.Summary,
            _ when token.SequenceEqual("untyped"u8) => PrometheusMetricType.Untyped,
            _ => null,
        };
        cursor.SkipBlanks();
        if (type is null || !cursor.AtEnd)
        {
            throw cursor.Fail($"TYPE of {PrometheusLineCursor.Excerpt(family)} is not one of counter, gauge, histogram, summary, untyped");
        }

        return type.Value;
    }

    private static string UnescapeHelp(ReadOnlySpan<byte> text, ref PrometheusLineCursor cursor)
    {
        if (!text.Contains((byte)'\\'))
        {
            return Encoding.UTF8.GetString(text);
        }

        var bytes = new byte[text.Length];
        var length = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if (b == (byte)'\\')
            {
                b = ++i < text.Length ? text[i] switch
                {
                    (byte)'\\' => (byte)'\\',
                    (byte)'n' => (byte)'\n',
                    _ => throw cursor.Fail($"HELP has an invalid escape '\\{(char)text[i]}'"),
                } : throw cursor.Fail("HELP ends with a lone backslash");
            }

            bytes[length++] = b;
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }
}
