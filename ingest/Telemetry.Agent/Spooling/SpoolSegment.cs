using System.Globalization;
using Microsoft.Win32.SafeHandles;

namespace Telemetry.Agent.Spooling;

/// <summary>
/// One segment file of the spool: an 8-byte header, then framed records appended one after another. Records are
/// numbered spool-wide; the file is named after its first record's number, so the spool's order is the order of the
/// file names. Keeps the counts the spool needs to account for the segment when it is deleted.
/// </summary>
internal sealed class SpoolSegment : IDisposable
{
    public const int HeaderBytes = 8;
    public const string Extension = ".seg";

    private SafeFileHandle? _handle;

    private SpoolSegment(string path, long firstId, long bytes)
    {
        Path = path;
        FirstId = firstId;
        Bytes = bytes;
    }

    public string Path { get; }

    /// <summary>Number of the segment's first record.</summary>
    public long FirstId { get; }

    /// <summary>Number the segment's next record would get.</summary>
    public long EndId => FirstId + RecordCount;

    public int RecordCount { get; private set; }

    public long Rows { get; private set; }

    /// <summary>Length of the file.</summary>
    public long Bytes { get; private set; }

    /// <summary>Records that need no sending any more, and their rows.</summary>
    public int AcknowledgedCount { get; private set; }

    public long AcknowledgedRows { get; private set; }

    public bool FullyAcknowledged => AcknowledgedCount == RecordCount;

    private static ReadOnlySpan<byte> Magic => "TSPL\u0001\0\0\0"u8;

    public static string FileName(long firstId) => firstId.ToString("D20", CultureInfo.InvariantCulture) + Extension;

    public static bool TryParseFileName(string path, out long firstId)
    {
        firstId = 0;
        var name = System.IO.Path.GetFileName(path);
        return name.Length == 20 + Extension.Length && name.EndsWith(Extension, StringComparison.Ordinal)
            && long.TryParse(name.AsSpan(0, 20), NumberStyles.None, CultureInfo.InvariantCulture, out firstId);
    }

    /// <summary>
    /// Creates an empty segment whose first record will get <paramref name="firstId"/>, replacing a file of that name
    /// that a failed attempt may have left (no live segment has it: numbers only grow).
    /// </summary>
    public static SpoolSegment Create(string directory, long firstId)
    {
        var path = System.IO.Path.Combine(directory, FileName(firstId));
        var handle = File.OpenHandle(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);
        try
        {
            RandomAccess.Write(handle, Magic, 0);
        }
        catch
        {
            handle.Dispose();
            throw;
        }

        return new SpoolSegment(path, firstId, HeaderBytes) { _handle = handle };
    }

    /// <summary>
    /// Opens an existing segment and reads every record, handing each to <paramref name="onRecord"/>. The first
    /// frame that is incomplete or fails its checksum ends the segment: the file is cut there, and what was cut is
    /// returned in <paramref name="tornBytes"/>. A file without a valid header is cut to nothing.
    /// </summary>
    public static SpoolSegment Recover(string path, long firstId, Action<long, SpoolRecord> onRecord, out long tornBytes)
    {
        ArgumentNullException.ThrowIfNull(onRecord);
        var segment = new SpoolSegment(path, firstId, 0);
        var handle = segment.Handle();
        var length = RandomAccess.GetLength(handle);
        Span<byte> header = stackalloc byte[HeaderBytes];
        var valid = length >= HeaderBytes && RandomAccess.Read(handle, header, 0) == HeaderBytes && header.SequenceEqual(Magic);
        segment.Bytes = valid ? HeaderBytes : 0;
        while (valid && segment.TryRead(segment.Bytes, length, out var record, out var frameBytes))
        {
            onRecord(segment.EndId, record!);
            segment.Add(record!.Rows, frameBytes);
        }

        tornBytes = length - segment.Bytes;
        if (tornBytes > 0)
        {
            RandomAccess.SetLength(handle, segment.Bytes);
            RandomAccess.FlushToDisk(handle);
        }

        segment.Close();
        return segment;
    }

    /// <summary>Appends one frame; with <paramref name="sync"/> it is on the device when this returns.</summary>
    public void Append(ReadOnlySpan<byte> frame, int rows, bool sync)
    {
        var handle = Handle();
        RandomAccess.Write(handle, frame, Bytes);
        if (sync)
        {
            RandomAccess.FlushToDisk(handle);
        }

        Add(rows, frame.Length);
    }

    /// <summary>Reads the record at <paramref name="offset"/>; false when none is there or it is damaged.</summary>
    public bool TryRead(long offset, out SpoolRecord? record, out int frameBytes) => TryRead(offset, Bytes, out record, out frameBytes);

    public void Acknowledged(int count, long rows)
    {
        AcknowledgedCount += count;
        AcknowledgedRows += rows;
    }

    public void Sync()
    {
        if (_handle is { } handle)
        {
            RandomAccess.FlushToDisk(handle);
        }
    }

    /// <summary>Closes the file handle; the next read or write opens it again.</summary>
    public void Close()
    {
        _handle?.Dispose();
        _handle = null;
    }

    public void Delete()
    {
        Close();
        File.Delete(Path);
    }

    public void Dispose() => Close();

    private SafeFileHandle Handle() =>
        _handle ??= File.OpenHandle(Path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read | FileShare.Delete);

    private void Add(int rows, int frameBytes)
    {
        RecordCount++;
        Rows += rows;
        Bytes += frameBytes;
    }

    private bool TryRead(long offset, long end, out SpoolRecord? record, out int frameBytes)
    {
        record = null;
        frameBytes = 0;
        Span<byte> prefix = stackalloc byte[4];
        if (end - offset < SpoolRecordCodec.FrameOverhead + SpoolRecordCodec.MinPayloadBytes || RandomAccess.Read(Handle(), prefix, offset) < 4)
        {
            return false;
        }

        var payload = SpoolRecordCodec.PayloadLength(prefix);
        if (payload < 0 || payload + SpoolRecordCodec.FrameOverhead > end - offset)
        {
            return false;
        }

        var frame = new byte[payload + SpoolRecordCodec.FrameOverhead];
        if (RandomAccess.Read(Handle(), frame, offset) < frame.Length || !SpoolRecordCodec.TryDecode(frame, out record))
        {
            return false;
        }

        frameBytes = frame.Length;
        return true;
    }
}
