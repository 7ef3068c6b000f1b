using System.Globalization;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// Where the ledger keeps things: <c>&lt;table&gt;/date=YYYY-MM-DD/&lt;yyyyMMddTHHmmssZ&gt;.parquet</c>, one file per window,
/// partitioned by the UTC date of the window's start, with a <c>_manifest.jsonl</c> in every partition. Aggregator
/// instances that share a ledger (one consumer group, several instances) each write their own files and manifest,
/// named after the instance: <c>20260301T000000Z.agg-1.parquet</c> and <c>_manifest.agg-1.jsonl</c>.
/// </summary>
internal static class LedgerLayout
{
    public const string Extension = ".parquet";
    public const string ManifestName = "_manifest.jsonl";
    private const string ManifestPrefix = "_manifest";
    private const string ManifestExtension = ".jsonl";
    private const int StartLength = 16;
    public const string TemporarySuffix = ".tmp";
    public const long DayMs = 24 * 60 * 60 * 1000;

    private const string PartitionPrefix = "date=";
    private const string DateFormat = "yyyy-MM-dd";
    private const string StartFormat = "yyyyMMdd'T'HHmmss'Z'";

    /// <summary>The partition folder name of a window starting at this time: <c>date=2026-03-01</c>.</summary>
    public static string PartitionName(long windowStartUnixMs) =>
        PartitionPrefix + DateTimeOffset.FromUnixTimeMilliseconds(windowStartUnixMs).UtcDateTime.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The file name of a window starting at this time: <c>20260301T000000Z.parquet</c>, or <c>20260301T000000Z.agg-1.parquet</c> for an instance.</summary>
    public static string FileName(long windowStartUnixMs, string? instance = null) =>
        DateTimeOffset.FromUnixTimeMilliseconds(windowStartUnixMs).UtcDateTime.ToString(StartFormat, CultureInfo.InvariantCulture)
        + (instance is null ? "" : "." + instance) + Extension;

    /// <summary>A partition's manifest name: <c>_manifest.jsonl</c>, or <c>_manifest.agg-1.jsonl</c> for an instance.</summary>
    public static string ManifestFileName(string? instance) => instance is null ? ManifestName : ManifestPrefix + "." + instance + ManifestExtension;

    /// <summary>Whether a file name is a manifest's (any instance's).</summary>
    public static bool IsManifest(string fileName) =>
        fileName.StartsWith(ManifestPrefix, StringComparison.Ordinal) && fileName.EndsWith(ManifestExtension, StringComparison.Ordinal);

    /// <summary>Whether a name can name an instance in file names: 1 to 64 ASCII letters, digits, '-' or '_'.</summary>
    public static bool IsInstanceName(string name) =>
        name.Length is >= 1 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

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
        if (!fileName.EndsWith(Extension, StringComparison.Ordinal) || fileName.Length < StartLength + Extension.Length
            || (fileName.Length > StartLength + Extension.Length
                && (fileName[StartLength] != '.' || !IsInstanceName(fileName[(StartLength + 1)..^Extension.Length])))
            || !DateTime.TryParseExact(fileName.AsSpan(0, StartLength), StartFormat, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start))
        {
            return false;
        }

        windowStartUnixMs = new DateTimeOffset(start, TimeSpan.Zero).ToUnixTimeMilliseconds();
        return true;
    }
}
