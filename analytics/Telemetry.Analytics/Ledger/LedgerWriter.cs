using System.Diagnostics;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// Writes closed windows to the ledger directory as Parquet files, one per window and table, in daily partitions by the
/// UTC date of the window's start (<c>gpu-windows/date=2026-03-01/20260301T000000Z.parquet</c>, <c>job-windows/…</c>),
/// and keeps each partition's <c>_manifest.jsonl</c> of file names, SHA-256 checksums, rows and sizes.
/// </summary>
/// <remarks>
/// Each file and each manifest is written to a temporary name, flushed to disk and renamed, so a reader never sees
/// half of either. The ledger is append-only: a window's file is only ever written again when the same window is
/// replayed (after a restart, the consumer replays what it had not yet committed), and the same rows give the same
/// bytes, so the file and its manifest line stay as they were. Should a replay carry different rows, the file is
/// replaced whole and its manifest line with it, never duplicated. One writer owns a ledger directory.
/// </remarks>
public sealed class LedgerWriter
{
    /// <summary>Creates the writer; the directory is created on first write.</summary>
    /// <param name="directory">The ledger's root.</param>
    /// <param name="instance">
    /// Null for the one writer of a ledger; the aggregator instance's stable name (letters, digits, '-', '_') when several
    /// instances of one consumer group share the directory: each then writes its own window files and manifests.
    /// </param>
    public LedgerWriter(string directory, string? instance = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (instance is not null && !LedgerLayout.IsInstanceName(instance))
        {
            throw new ArgumentException($"Instance name '{instance}' must be 1 to 64 letters, digits, '-' or '_'.", nameof(instance));
        }

        Directory = Path.GetFullPath(directory);
        Instance = instance;
    }

    /// <summary>The instance whose files this writer writes, or null for a ledger's only writer.</summary>
    public string? Instance { get; }

    /// <summary>The ledger's root directory.</summary>
    public string Directory { get; }

    /// <summary>Windows written.</summary>
    public long WindowsWritten => Interlocked.Read(ref _windowsWritten);

    /// <summary>Time spent writing the windows counted in <see cref="WindowsWritten"/>, every table and manifest.</summary>
    public TimeSpan WriteTime => TimeSpan.FromTicks(Interlocked.Read(ref _writeTicks));

    /// <summary>How long the last window took to write.</summary>
    public TimeSpan LastWriteTime => TimeSpan.FromTicks(Interlocked.Read(ref _lastWriteTicks));

    private long _windowsWritten, _writeTicks, _lastWriteTicks;

    /// <summary>Writes one closed window, every table.</summary>
    /// <exception cref="IOException">The ledger directory is not writable; nothing of the window counts as written.</exception>
    /// <exception cref="InvalidDataException">A manifest there is not one this ledger wrote; it is left as it is.</exception>
    public void Write(ClosedWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var started = Stopwatch.GetTimestamp();
        WriteTable(LedgerSchemas.GpuWindows, window.Gpus, window.Start);
        WriteTable(LedgerSchemas.JobWindows, window.Jobs, window.Start);
        if (window.States is { } states)
        {
            WriteTable(LedgerSchemas.GpuStates, states, window.Start);
        }

        if (window.Fleet is { } fleet)
        {
            WriteTable(LedgerSchemas.FleetWindows, [fleet], window.Start);
        }

        if (window.Sources is { Count: > 0 } sources)
        {
            WriteTable(LedgerSchemas.WindowSources, sources, window.Start);
        }

        // Once per window, read by the self-metrics on scrape; written by the one thread that writes windows.
        var ticks = Stopwatch.GetElapsedTime(started).Ticks;
        Interlocked.Add(ref _writeTicks, ticks);
        Interlocked.Exchange(ref _lastWriteTicks, ticks);
        Interlocked.Increment(ref _windowsWritten);
    }

    /// <summary>Whether this writer (this instance) has written the window starting at this time, in this run or an earlier one.</summary>
    public bool HasWindow(long windowStartUnixMs) =>
        File.Exists(Path.Combine(Directory, LedgerSchemas.GpuWindows.Name, LedgerLayout.PartitionName(windowStartUnixMs), LedgerLayout.FileName(windowStartUnixMs, Instance)));

    /// <summary>The file name of the window starting at this time: <c>20260301T000000Z.parquet</c>.</summary>
    public static string FileName(long windowStartUnixMs) => LedgerLayout.FileName(windowStartUnixMs);

    /// <summary>The path of a table's file for the window starting at this time, relative to the ledger root.</summary>
    public static string RelativePath(string table, long windowStartUnixMs) =>
        Path.Combine(table, LedgerLayout.PartitionName(windowStartUnixMs), LedgerLayout.FileName(windowStartUnixMs));

    private void WriteTable<T>(LedgerTable<T> table, IReadOnlyList<T> rows, long windowStartUnixMs)
    {
        var bytes = ParquetTableFile.Write(table, rows);
        var path = Path.Combine(Directory, table.Name, LedgerLayout.PartitionName(windowStartUnixMs), LedgerLayout.FileName(windowStartUnixMs, Instance));
        var partition = Path.GetDirectoryName(path)!;
        System.IO.Directory.CreateDirectory(partition);
        // Read first: a manifest this ledger did not write stops the writer before it touches anything.
        var manifest = LedgerManifest.ReadPartition(partition, Instance);
        AtomicFile.Write(path, bytes);
        LedgerManifest.Record(partition, manifest, LedgerManifest.Describe(Path.GetFileName(path), bytes, rows.Count), Instance);
    }
}
