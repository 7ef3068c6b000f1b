using System.Text;

namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>
/// Parses a sample line: <c>name{label="value",...} value [timestamp]</c>. Blanks and tabs may surround every token,
/// a trailing comma may close a label set, and label values escape <c>\\</c>, <c>\"</c> and <c>\n</c>; anything else is
/// an error, so that a malformed page is rejected rather than half-read.
/// </summary>
internal static class PrometheusSampleParser
{
    /// <summary>Parses one sample line, already known to be valid UTF-8.</summary>
    /// <exception cref="PrometheusTextException">The line is malformed or has too many labels or too long a label value.</exception>
    public static PrometheusSample Parse(ReadOnlySpan<byte> line, int lineNumber, PrometheusLimits limits)
    {
        var cursor = new PrometheusLineCursor(line, lineNumber);
        cursor.SkipBlanks();
        var name = cursor.ReadName(metric: true);
        cursor.SkipBlanks();
        IReadOnlyList<PrometheusLabel> labels = cursor.TryTake((byte)'{') ? ReadLabels(ref cursor, limits) : [];
        cursor.SkipBlanks();
        var valueText = cursor.ReadToken();
        if (valueText.IsEmpty)
        {
            throw cursor.Fail($"{PrometheusLineCursor.Excerpt(name)} has no value");
        }

        if (!PrometheusValue.TryParse(valueText, out var value))
        {
            throw cursor.Fail($"'{PrometheusLineCursor.Excerpt(valueText)}' is not a number");
        }

        var timestamp = ReadTimestamp(ref cursor);
        return new PrometheusSample(name, labels, value, Encoding.ASCII.GetString(valueText), timestamp, lineNumber);
    }

    private static long? ReadTimestamp(ref PrometheusLineCursor cursor)
    {
        cursor.SkipBlanks();
        if (cursor.AtEnd)
        {
            return null;
        }

        var text = cursor.ReadToken();
        if (!PrometheusValue.TryParseTimestamp(text, out var unixMs))
        {
            throw cursor.Fail($"'{PrometheusLineCursor.Excerpt(text)}' is not a timestamp in milliseconds");
        }

        cursor.SkipBlanks();
        return cursor.AtEnd ? unixMs : throw cursor.Fail("unexpected text after the timestamp");
    }

    private static PrometheusLabel[] ReadLabels(ref PrometheusLineCursor cursor, PrometheusLimits limits)
    {
        var labels = new List<PrometheusLabel>();
        while (true)
        {
            cursor.SkipBlanks();
            if (cursor.TryTake((byte)'}'))
            {
                return [.. labels];
            }

            var label = ReadLabel(ref cursor, limits);
            if (labels.Exists(l => string.Equals(l.Name, label.Name, StringComparison.Ordinal)))
            {
                throw cursor.Fail($"label {PrometheusLineCursor.Excerpt(label.Name)} is given twice");
            }

            if (labels.Count == limits.MaxLabelsPerSeries)
            {
                throw cursor.Fail(PrometheusTextError.TooManyLabels, $"the series has more than {limits.MaxLabelsPerSeries} labels (MaxLabelsPerSeries)");
            }

            labels.Add(label);
            cursor.SkipBlanks();
            if (cursor.TryTake((byte)'}'))
            {
                return [.. labels];
            }

            if (!cursor.TryTake((byte)','))
            {
                throw cursor.Fail(cursor.AtEnd ? "the label set is not closed" : "expected ',' or '}' after a label");
            }
        }
    }

    private static PrometheusLabel ReadLabel(ref PrometheusLineCursor cursor, PrometheusLimits limits)
    {
        if (cursor.AtEnd)
        {
            throw cursor.Fail("the label set is not closed");
        }

        var name = cursor.ReadName(metric: false);
        cursor.SkipBlanks();
        if (!cursor.TryTake((byte)'='))
        {
            throw cursor.Fail(cursor.AtEnd ? "the label set is not closed" : $"expected '=' after label {PrometheusLineCursor.Excerpt(name)}");
        }

        cursor.SkipBlanks();
        if (!cursor.TryTake((byte)'"'))
        {
            throw cursor.Fail(cursor.AtEnd ? "the label set is not closed" : $"the value of label {PrometheusLineCursor.Excerpt(name)} is not quoted");
        }

        return new PrometheusLabel(name, ReadQuoted(ref cursor, name, limits));
    }

    private static string ReadQuoted(ref PrometheusLineCursor cursor, string name, PrometheusLimits limits)
    {
        var rest = cursor.Remaining;
        var unescaped = 0;
        var hasEscapes = false;
        for (var i = 0; i < rest.Length; i++)
        {
            if (rest[i] == (byte)'"')
            {
                cursor.Advance(i + 1);
                return hasEscapes ? Unescape(rest[..i], ref cursor, name) : Encoding.UTF8.GetString(rest[..i]);
            }

            if (rest[i] == (byte)'\\')
            {
                hasEscapes = true;
                i++;
            }

            if (++unescaped > limits.MaxLabelValueBytes)
            {
                throw cursor.Fail(PrometheusTextError.LabelValueTooLong,
                    $"the value of label {PrometheusLineCursor.Excerpt(name)} is longer than {limits.MaxLabelValueBytes} bytes (MaxLabelValueBytes)");
            }
        }

        throw cursor.Fail($"the value of label {PrometheusLineCursor.Excerpt(name)} is not closed");
    }

    private static string Unescape(ReadOnlySpan<byte> raw, ref PrometheusLineCursor cursor, string name)
    {
        var bytes = new byte[raw.Length];
        var length = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            if (raw[i] != (byte)'\\')
            {
                bytes[length++] = raw[i];
                continue;
            }

            bytes[length++] = ++i < raw.Length ? raw[i] switch
            {
                (byte)'\\' => (byte)'\\',
                (byte)'"' => (byte)'"',
                (byte)'n' => (byte)'\n',
                _ => throw cursor.Fail($"the value of label {PrometheusLineCursor.Excerpt(name)} has an invalid escape '\\{(char)raw[i]}'"),
            } : throw cursor.Fail($"the value of label {PrometheusLineCursor.Excerpt(name)} is not closed");
        }

        return Encoding.UTF8.GetString(bytes, 0, length);
    }
}
