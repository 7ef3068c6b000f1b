using System.Globalization;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// Where the ledger keeps things: <c>&lt;table&gt;/date=YYYY-MM-DD/&lt;yyyyMMddTHHmmssZ&gt;.parquet</c>, one file per window,
/// partitioned by the UTC date of the window's start, with a <c>_manifest.jsonl</c> in every partition.
/// </summary>
internal static class LedgerLayout
{
    public const string Extension = ".parquet";
    public const string ManifestName = "_manifest.jsonl";
    public const string TemporarySuffix = ".tmp";
    public const long DayMs = 24 * 60 * 60 * 1000;

    private const string PartitionPrefix = "date=";
    private const string DateFormat = "yyyy-MM-dd";
    private const string StartFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The partition folder name of a window starting at this time: <c>date=2026-03-01</c>.</summary>
    public static string PartitionName(long windowStartUnixMs) =>
        PartitionPrefix + DateTimeOffset.FromUnixTimeMilliseconds(windowStartUnixMs).UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The file name of a window starting at this time: <c>20260301T000000Z.parquet</c>.</summary>
    public static string FileName(long windowStartUnixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(windowStartUnixMs).UtcDateTime.ToString(StartFormat, CultureInfo.InvariantCulture) + Extension;

    /// <summary>The start of the UTC day a partition folder holds, when the name is one.</summary>
    public static bool TryParsePartition(string folderName, out long dayStartUnixMs)
    {
        dayStartUnixMs = 0;
        if (!folderName.StartsWith(PartitionPrefix, StringComparison.Ordinal)
            || !DateOnly.TryParseExact(folderName.AsSpan(PartitionPrefix.Length), DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return false;
        }

        dayStartUnixMs = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeMilliseconds();
        return true;
    }

    /// <summary>The window start a file name stands for, when the name is a window file's.</summary>
    public static bool TryParseWindowStart(string fileName, out long windowStartUnixMs)
    {
        windowStartUnixMs = 0;
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal)
            || !DateTime.TryParseExact(fileName.AsSpan(0, fileName.Length - Extension.Length), StartFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
        {
            return false;
        }

        windowStartUnixMs = new DateTimeOffset(start, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return true;
    }
}
