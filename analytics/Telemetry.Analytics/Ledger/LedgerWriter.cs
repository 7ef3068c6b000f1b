using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// Writes closed windows to the ledger directory as Arrow IPC files, one per window and table
/// (<c>gpu-windows/20260101T0000Z.arrow</c>, <c>job-windows/…</c>). Each file is written to a temporary name, flushed
/// to disk and renamed, so a reader never sees half a file and a rewrite of the same window replaces it whole.
/// </summary>
public sealed class LedgerWriter
{
    /// <summary>Creates the writer; the directory is created on first write.</summary>
    public LedgerWriter(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory = Path.GetFullPath(directory);
    }

    /// <summary>The ledger's root directory.</summary>
    public string Directory { get; }

    /// <summary>Windows written.</summary>
    public long WindowsWritten { get; private set; }

    /// <summary>Writes one closed window, both tables.</summary>
    /// <exception cref="IOException">The ledger directory is not writable; nothing of the window counts as written.</exception>
    public void Write(ClosedWindow window)
    {
        ArgumentNullException.ThrowIfNull(window);
        var name = FileName(window.Start);
        WriteTable(LedgerSchemas.GpuWindows, window.Gpus, name);
        WriteTable(LedgerSchemas.JobWindows, window.Jobs, name);
        if (window.States is { } states)
        {
            WriteTable(LedgerSchemas.GpuStates, states, name);
        }

        if (window.Fleet is { } fleet)
        {
            WriteTable(LedgerSchemas.FleetWindows, [fleet], name);
        }
        WindowsWritten++;
    }

    /// <summary>The file name of the window starting at this time.</summary>
    public static string FileName(long windowStartUnixMs) =>
        DateTimeOffset.FromUnixTimeMilliseconds(windowStartUnixMs).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture) + ".arrow";

    private void WriteTable<T>(LedgerTable<T> table, IReadOnlyList<T> rows, string name)
    {
        var folder = Path.Combine(Directory, table.Name);
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        var temporary = path + ".tmp";
        using (var batch = table.ToBatch(rows))
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var writer = new ArrowFileWriter(stream, table.Schema, leaveOpen: true))
            {
                writer.WriteRecordBatch(batch);
                writer.WriteEnd();
            }

            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }
}
