using System.Globalization;

namespace Telemetry.Agent.Collectors;

/// <summary>
/// DCGM's "no value" sentinels (dcgm_structs.h): the int64 family from 0x7ffffffffffffff0, the int32 family from
/// 0x7ffffff0, the fp64 family from 2^47, each BLANK, NOT_FOUND, NOT_SUPPORTED, NOT_PERMISSIONED in turn; and NVML's
/// 0xFFFFFFFF. They must never be reported as readings.
/// </summary>
public static class DcgmBlanks
{
    /// <summary>DCGM_INT64_BLANK.</summary>
    public const long Int64Blank = 0x7ffffffffffffff0;

    /// <summary>DCGM_INT32_BLANK.</summary>
    public const long Int32Blank = 0x7ffffff0;

    /// <summary>DCGM_FP64_BLANK.</summary>
    public const double Fp64Blank = 140737488355328.0;

    /// <summary>NVML's unavailable 32-bit value.</summary>
    public const long Uint32Unavailable = 0xFFFFFFFF;

    /// <summary>
    /// Whether a value as printed is a sentinel. The text is checked when it is an integer, since the int64 sentinels
    /// are not exact as doubles; <paramref name="value"/> is the parsed number.
    /// </summary>
    public static bool IsBlank(ReadOnlySpan<char> text, double value, out BlankReason reason)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
        {
            return IsBlank(integer, out reason);
        }

        if (value >= Int64Blank - 1024.0)
        {
            // A float at the top of the int64 range (9.223372036854775807e18): the int64 family, reason unknown.
            reason = BlankReason.Blank;
            return true;
        }

        for (var i = 0; i < 4; i++)
        {
            if (value == Fp64Blank + i)
            {
                reason = (BlankReason)i;
                return true;
            }
        }

        reason = default;
        return false;
    }

    /// <summary>Whether an integer value is a sentinel.</summary>
    public static bool IsBlank(long value, out BlankReason reason)
    {
        if (value is >= Int64Blank and <= Int64Blank + 3)
        {
            reason = (BlankReason)(value - Int64Blank);
            return true;
        }

        if (value is >= Int32Blank and <= Int32Blank + 3)
        {
            reason = (BlankReason)(value - Int32Blank);
            return true;
        }

        if (value is >= (long)Fp64Blank and <= (long)Fp64Blank + 3)
        {
            reason = (BlankReason)(value - (long)Fp64Blank);
            return true;
        }

        if (value == Uint32Unavailable)
        {
            reason = BlankReason.Unavailable;
            return true;
        }

        reason = default;
        return false;
    }
}
