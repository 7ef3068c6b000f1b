using System.Text.Json;

namespace Telemetry.Alerting.Delivery;

/// <summary>
/// The outbox directory: one JSON file per pending delivery, each written atomically (a temporary file, flushed to
/// disk, then renamed over the old one), so that a crash leaves either the old file or the new, never half of one;
/// <c>failed/</c> holds deliveries given up on, with the reason.
/// </summary>
internal sealed class OutboxStore
{
    private const string TempSuffix = ".tmp";

    public OutboxStore(string directory)
    {
        Directory = Path.GetFullPath(directory);
        FailedDirectory = Path.Combine(Directory, "failed");
        System.IO.Directory.CreateDirectory(FailedDirectory);
        foreach (var leftover in System.IO.Directory.EnumerateFiles(Directory, "*" + TempSuffix))
        {
            // A write that crashed before its rename: the previous version of the file, if any, is still in place.
            File.Delete(leftover);
        }
    }

    public string Directory { get; }

    public string FailedDirectory { get; }

    /// <summary>The pending entries, oldest first, and the files that could not be read.</summary>
    public (List<OutboxEntry> Entries, List<(string Path, string Problem)> Unreadable) Load()
    {
        var entries = new List<OutboxEntry>();
        var unreadable = new List<(string, string)>();
        foreach (var path in System.IO.Directory.EnumerateFiles(Directory, "*.json").Order(StringComparer.Ordinal))
        {
            try
            {
                using var stream = File.OpenRead(path);
                var entry = JsonSerializer.Deserialize(stream, OutboxJsonContext.Default.OutboxEntry);
                if (entry is null)
                {
                    unreadable.Add((path, "empty"));
                }
                else
                {
                    entries.Add(entry);
                }
            }
            catch (JsonException error)
            {
                unreadable.Add((path, error.Message));
            }
        }

        return (entries, unreadable);
    }

    public void Save(OutboxEntry entry) => WriteAtomically(Path.Combine(Directory, entry.FileName), entry);

    public void Delete(OutboxEntry entry) => File.Delete(Path.Combine(Directory, entry.FileName));

    /// <summary>Writes the entry, with its failure reason, to <c>failed/</c>, then removes it from the pending files.</summary>
    public string MoveToFailed(OutboxEntry entry)
    {
        var path = Path.Combine(FailedDirectory, entry.FileName);
        WriteAtomically(path, entry);
        Delete(entry);
        return path;
    }

    /// <summary>Moves a file that cannot be read to <c>failed/</c> as it is, beside a note of the problem.</summary>
    public string QuarantineUnreadable(string path, string problem)
    {
        var target = Path.Combine(FailedDirectory, Path.GetFileName(path));
        File.Move(path, target, overwrite: true);
        File.WriteAllText(target + ".reason.txt", problem);
        return target;
    }

    private static void WriteAtomically(string path, OutboxEntry entry)
    {
        var temp = path + TempSuffix;
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, entry, OutboxJsonContext.Default.OutboxEntry);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temp, path, overwrite: true);
    }
}
