using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// Reads the ledger's tables back, oldest window first, optionally only the windows that start in [from, to): day
/// partitions wholly outside the range are skipped by their names, without being opened.
/// </summary>
/// <remarks>Reads the Parquet layout only; the Arrow IPC files of earlier versions (<c>&lt;table&gt;/*.arrow</c>) are not read.</remarks>
public sealed class LedgerReader(string directory)
{
    /// <summary>The ledger's root directory.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Called with each window file's path once its rows are read, for progress over long reads; none when null.</summary>
    public Action<string>? FileRead { get; init; }

    /// <summary>Every GPU window row.</summary>
    public IEnumerable<GpuWindow> GpuWindows() => Read(LedgerSchemas.GpuWindows, long.MinValue, long.MaxValue);

    /// <summary>The GPU window rows of the windows that start in [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>).</summary>
    public IEnumerable<GpuWindow> GpuWindows(long fromUnixMs, long toUnixMs) => Read(LedgerSchemas.GpuWindows, fromUnixMs, toUnixMs);

    /// <summary>Every job window row.</summary>
    public IEnumerable<JobWindow> JobWindows() => Read(LedgerSchemas.JobWindows, long.MinValue, long.MaxValue);

    /// <summary>The job window rows of the windows that start in [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>).</summary>
    public IEnumerable<JobWindow> JobWindows(long fromUnixMs, long toUnixMs) => Read(LedgerSchemas.JobWindows, fromUnixMs, toUnixMs);

    /// <summary>Every GPU state row.</summary>
    public IEnumerable<GpuStateWindow> GpuStates() => GpuStates(long.MinValue, long.MaxValue);

    /// <summary>The GPU state rows of the windows that start in [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>).</summary>
    public IEnumerable<GpuStateWindow> GpuStates(long fromUnixMs, long toUnixMs) => Read(LedgerSchemas.GpuStates, fromUnixMs, toUnixMs);

    /// <summary>Every fleet window row.</summary>
    public IEnumerable<FleetWindow> FleetWindows() => FleetWindows(long.MinValue, long.MaxValue);

    /// <summary>The fleet window rows of the windows that start in [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>).</summary>
    public IEnumerable<FleetWindow> FleetWindows(long fromUnixMs, long toUnixMs) => Read(LedgerSchemas.FleetWindows, fromUnixMs, toUnixMs);

    /// <summary>
    /// The Kafka partitions and offset ranges that the windows starting in [<paramref name="fromUnixMs"/>,
    /// <paramref name="toUnixMs"/>) were built from, by every instance that wrote them.
    /// </summary>
    public IEnumerable<WindowSource> WindowSources(long fromUnixMs, long toUnixMs) => Read(LedgerSchemas.WindowSources, fromUnixMs, toUnixMs);

    /// <summary>
    /// Per Kafka partition, the highest offset whose data the windows starting at this time hold, over every instance
    /// that wrote one: what a window in the ledger already counted of each partition.
    /// </summary>
    public IReadOnlyDictionary<SourcePartition, long> WrittenOffsets(long windowStartUnixMs)
    {
        var offsets = new Dictionary<SourcePartition, long>();
        foreach (var source in WindowSources(windowStartUnixMs, windowStartUnixMs + 1))
        {
            var key = new SourcePartition(source.Topic, source.Partition);
            offsets[key] = Math.Max(source.LastOffset, offsets.GetValueOrDefault(key, long.MinValue));
        }

        return offsets;
    }

    /// <summary>The window files of a table, oldest first.</summary>
    public IReadOnlyList<string> Files(string table) => Files(table, long.MinValue, long.MaxValue);

    /// <summary>The window files of a table whose windows start in [<paramref name="fromUnixMs"/>, <paramref name="toUnixMs"/>), oldest first.</summary>
    public IReadOnlyList<string> Files(string table, long fromUnixMs, long toUnixMs)
    {
        var folder = Path.Combine(Directory, table);
        if (!System.IO.Directory.Exists(folder))
        {
            return [];
        }

        var files = new List<string>();
        foreach (var partition in System.IO.Directory.EnumerateDirectories(folder))
        {
            if (!LedgerLayout.TryParsePartition(Path.GetFileName(partition), out var day) || day + LedgerLayout.DayMs <= fromUnixMs || day >= toUnixMs)
            {
                continue;
            }

            foreach (var file in System.IO.Directory.EnumerateFiles(partition, "*" + LedgerLayout.Extension))
            {
                if (LedgerLayout.TryParseWindowStart(Path.GetFileName(file), out var start) && start >= fromUnixMs && start < toUnixMs)
                {
                    files.Add(file);
                }
            }
        }

        // Partition and file names both sort as their times do.
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    /// <summary>
    /// An auditor's check of the whole ledger: recomputes every file's SHA-256 and size and compares them with the
    /// manifests, and lists the files the manifests name that are gone, the files they do not name, and the files
    /// whose bytes differ from what they recorded.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">There is no ledger directory.</exception>
    public LedgerVerification Verify() => LedgerVerifier.Verify(Directory);

    private IEnumerable<T> Read<T>(LedgerTable<T> table, long fromUnixMs, long toUnixMs)
    {
        foreach (var file in Files(table.Name, fromUnixMs, toUnixMs))
        {
            foreach (var row in ParquetTableFile.Read(table, file))
            {
                yield return row;
            }

            FileRead?.Invoke(file);
        }
    }
}
