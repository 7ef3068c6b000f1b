using Apache.Arrow.Ipc;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Ledger;

/// <summary>Reads the ledger's tables back, oldest window first.</summary>
public sealed class LedgerReader(string directory)
{
    /// <summary>The ledger's root directory.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <summary>Every GPU window row.</summary>
    public IEnumerable<GpuWindow> GpuWindows() => Read(LedgerSchemas.GpuWindows);

    /// <summary>Every job window row.</summary>
    public IEnumerable<JobWindow> JobWindows() => Read(LedgerSchemas.JobWindows);

    /// <summary>Every GPU state row.</summary>
    public IEnumerable<GpuStateWindow> GpuStates() => Read(LedgerSchemas.GpuStates);

    /// <summary>Every fleet window row.</summary>
    public IEnumerable<FleetWindow> FleetWindows() => Read(LedgerSchemas.FleetWindows);

    /// <summary>The window files of a table, oldest first.</summary>
    public IReadOnlyList<string> Files(string table)
    {
        var folder = Path.Combine(Directory, table);
        return System.IO.Directory.Exists(folder)
            ? [.. System.IO.Directory.EnumerateFiles(folder, "*.arrow").Order(StringComparer.Ordinal)]
            : [];
    }

    private IEnumerable<T> Read<T>(LedgerTable<T> table)
    {
        foreach (var file in Files(table.Name))
        {
            using var stream = File.OpenRead(file);
            using var reader = new ArrowFileReader(stream);
            while (reader.ReadNextRecordBatch() is { } batch)
            {
                List<T> rows;
                using (batch)
                {
                    rows = [.. table.FromBatch(batch)];
                }

                foreach (var row in rows)
                {
                    yield return row;
                }
            }
        }
    }
}
