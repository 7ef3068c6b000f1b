namespace Telemetry.Analytics.Ledger;

/// <summary>
/// Replaces a file whole: the bytes go to a temporary name beside it, are flushed to disk, and the temporary file is
/// renamed over the target, so a reader sees the old file or the new one, never half of either. The temporary name
/// starts with a dot, so that tools reading a whole partition folder (pyarrow, Spark) pass over it.
/// </summary>
internal static class AtomicFile
{
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        var temporary = Path.Combine(Path.GetDirectoryName(path)!, "." + Path.GetFileName(path) + LedgerLayout.TemporarySuffix);
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            stream.Write(bytes);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
