using System.Globalization;

namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>Reads one number as nvidia-smi prints it: <c>69.85</c>, <c>69.85 W</c>, <c>0x0000000000000001</c>, or a notice.</summary>
internal static class NvidiaSmiValue
{
    /// <summary>
    /// Reads the number, dropping a trailing unit (<c>W</c>, <c>MiB</c>, <c>%</c>). Returns false with
    /// <see cref="BlankReason.NotANumber"/> for a bracketed notice (<c>[N/A]</c>, <c>[Not Supported]</c>,
    /// <c>[Requested functionality has been deprecated]</c>) or any other text, and with the sentinel's reason for a
    /// DCGM or NVML "no value" sentinel.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, bool hexadecimal, out double value, out BlankReason reason)
    {
        var number = WithoutUnit(text.Trim());
        var parsed = hexadecimal ? TryParseHex(number, out value) : TryParseDecimal(number, out value);
        if (!parsed)
        {
            reason = BlankReason.NotANumber;
            return false;
        }

        return !DcgmBlanks.IsBlank(number, value, out reason);
    }

    private static bool TryParseDecimal(ReadOnlySpan<char> text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);

    private static bool TryParseHex(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        if (!text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            || !ulong.TryParse(text[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var bits)
            || bits > long.MaxValue)
        {
            return false;
        }

        value = bits;
        return true;
    }

    // "81559 MiB" -> "81559"; a text whose last word is not a unit is left for the number parser to reject.
    private static ReadOnlySpan<char> WithoutUnit(ReadOnlySpan<char> text)
    {
        var space = text.LastIndexOf(' ');
        if (space <= 0)
        {
            return text;
        }

        foreach (var c in text[(space + 1)..])
        {
            if (!char.IsAsciiLetter(c) && c != '%' && c != '/')
            {
                return text;
            }
        }

        return text[..space].TrimEnd();
    }
}
