using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// A partition's <c>_manifest.jsonl</c>: one JSON object per window file, ordered by file name, with a fixed key order
/// (<c>{"file":…,"sha256":…,"rows":…,"bytes":…}</c>), so that the same files always give the same manifest bytes.
/// </summary>
internal static class LedgerManifest
{
    /// <summary>The lines of a partition's manifest; none when it has no manifest yet.</summary>
    /// <exception cref="InvalidDataException">The manifest there is not one this ledger wrote.</exception>
    public static List<ManifestEntry> ReadPartition(string partitionFolder, string? instance = null)
    {
        var path = Path.Combine(partitionFolder, LedgerLayout.ManifestFileName(instance));
        return File.Exists(path) ? Read(path) : [];
    }

    /// <summary>Records a file in its partition's manifest, whose lines were <paramref name="entries"/>, replacing the
    /// file's earlier line; the manifest is rewritten atomically, and not at all when the line is already there.</summary>
    public static void Record(string partitionFolder, List<ManifestEntry> entries, ManifestEntry entry, string? instance = null)
    {
        var index = entries.FindIndex(e => e.File == entry.File);
        if (index >= 0 && entries[index] == entry)
        {
            return;
        }

        if (index >= 0)
        {
            entries[index] = entry;
        }
        else
        {
            entries.Add(entry);
        }

        AtomicFile.Write(Path.Combine(partitionFolder, LedgerLayout.ManifestFileName(instance)), Format(entries));
    }

    /// <summary>The manifest line for these file bytes.</summary>
    public static ManifestEntry Describe(string fileName, ReadOnlySpan<byte> bytes, long rows) =>
        new(fileName, Convert.ToHexStringLower(SHA256.HashData(bytes)), rows, bytes.Length);

    /// <summary>The manifest's lines.</summary>
    /// <exception cref="InvalidDataException">A line is not a manifest line.</exception>
    public static List<ManifestEntry> Read(string path)
    {
        var entries = new List<ManifestEntry>();
        var number = 0;
        foreach (var line in File.ReadLines(path, Encoding.UTF8))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            entries.Add(Parse(line) ?? throw new InvalidDataException($"{path}, line {number}: not a manifest line."));
        }

        return entries;
    }

    /// <summary>The manifest's bytes for these lines, ordered by file name.</summary>
    public static byte[] Format(IEnumerable<ManifestEntry> entries)
    {
        using var buffer = new MemoryStream();
        foreach (var entry in entries.OrderBy(e => e.File, StringComparer.Ordinal))
        {
            using (var json = new Utf8JsonWriter(buffer))
            {
                json.WriteStartObject();
                json.WriteString("file", entry.File);
                json.WriteString("sha256", entry.Sha256);
                json.WriteNumber("rows", entry.Rows);
                json.WriteNumber("bytes", entry.Bytes);
                json.WriteEndObject();
            }

            buffer.WriteByte((byte)'\n');
        }

        return buffer.ToArray();
    }

    private static ManifestEntry? Parse(string line)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return root.ValueKind == JsonValueKind.Object
                && root.TryGetProperty("file", out var file) && file.GetString() is { Length: > 0 } name
                && root.TryGetProperty("sha256", out var sha) && sha.GetString() is { Length: 64 } hash
                && root.TryGetProperty("rows", out var rows) && rows.TryGetInt64(out var rowCount)
                && root.TryGetProperty("bytes", out var bytes) && bytes.TryGetInt64(out var byteCount)
                    ? new ManifestEntry(name, hash, rowCount, byteCount)
                    : null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
