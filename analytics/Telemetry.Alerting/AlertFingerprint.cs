using System.Globalization;
using System.Text;

namespace Telemetry.Alerting;

/// <summary>
/// Alertmanager's alert fingerprint: 64-bit FNV-1a over the label names in byte order, each name and value followed by
/// the byte 0xFF, written as 16 lowercase hex digits (Prometheus' <c>LabelSet.Fingerprint</c>), so that a receiver that
/// deduplicates by fingerprint sees the same alert as the same alert.
/// </summary>
public static class AlertFingerprint
{
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;
    private const byte Separator = 0xFF;

    /// <summary>The fingerprint of a label set as 16 hex digits.</summary>
    public static string Of(IEnumerable<KeyValuePair<string, string>> labels) =>
        Hash(labels).ToString("x16", CultureInfo.InvariantCulture);

    /// <summary>The 64-bit hash itself.</summary>
    public static ulong Hash(IEnumerable<KeyValuePair<string, string>> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var hash = Offset;
        foreach (var (name, value) in labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            hash = Add(hash, name);
            hash = Add(hash, value);
        }

        return hash;
    }

    private static ulong Add(ulong hash, string text)
    {
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            hash = (hash ^ b) * Prime;
        }

        return (hash ^ Separator) * Prime;
    }
}
