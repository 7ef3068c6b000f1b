using System.Globalization;
using System.Text;

namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>Sample values and timestamps as the text format writes them (Go's float syntax: <c>NaN</c>, <c>+Inf</c>, <c>-Inf</c>, exponents).</summary>
internal static class PrometheusValue
{
    private const NumberStyles FloatStyle = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Parses a sample value.</summary>
    public static bool TryParse(ReadOnlySpan<byte> text, out double value)
    {
        var negative = text.Length > 0 && text[0] == (byte)'-';
        var unsigned = text.Length > 0 && text[0] is (byte)'-' or (byte)'+' ? text[1..] : text;
        if (Ascii.EqualsIgnoreCase(unsigned, "inf"u8) || Ascii.EqualsIgnoreCase(unsigned, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(text, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        return double.TryParse(text, FloatStyle, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a timestamp: an integer count of milliseconds since the Unix epoch.</summary>
    public static bool TryParseTimestamp(ReadOnlySpan<byte> text, out long unixMs) =>
        long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out unixMs);
}
