using System.Globalization;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>
/// Turns <c>nvidia-smi --query-gpu</c> CSV into readings, one per GPU row: either <c>csv,noheader,nounits</c> output
/// with the columns in the order asked for, or <c>csv</c> output whose header line (<c>power.draw [W]</c>) names the
/// columns and whose values carry units (<c>69.85 W</c>). A notice or other text where a number belongs becomes null
/// and is counted as a blank; a row that cannot be read is skipped and counted as <c>parse</c>, and so is a row whose
/// UUID an earlier row already gave (nvidia-smi prints each GPU once, so a repeat is garbled output, and two readings of
/// one GPU at one time would be counted twice downstream).
/// </summary>
internal sealed class QueryGpuParser(string node, CollectorCounters counters)
{
    private const int ExcerptLength = 120;

    /// <summary>Reads <c>--format=csv</c> output: the first non-empty line is the header.</summary>
    /// <exception cref="NvidiaSmiException">There are rows but none could be read (cause <c>parse</c>).</exception>
    public IReadOnlyList<GpuReading> ParseWithHeader(string text)
    {
        var lines = Lines(text);
        if (lines.Count == 0)
        {
            return [];
        }

        var header = new List<string>();
        if (!CsvCells.TrySplit(lines[0], header))
        {
            counters.Error("parse");
            throw new NvidiaSmiException("parse", $"The nvidia-smi CSV header cannot be read: '{Excerpt(lines[0])}'.");
        }

        return ParseRows(lines.Skip(1), [.. header.Select(HeaderFieldName)]);
    }

    /// <summary>Reads <c>--format=csv,noheader</c> output whose columns are <paramref name="fields"/> in order.</summary>
    /// <exception cref="NvidiaSmiException">There are rows but none could be read (cause <c>parse</c>).</exception>
    public IReadOnlyList<GpuReading> Parse(string text, IReadOnlyList<string> fields) => ParseRows(Lines(text), fields);

    private List<GpuReading> ParseRows(IEnumerable<string> lines, IReadOnlyList<string> fields)
    {
        var columns = fields.Select(QueryGpuFields.Resolve).ToArray();
        var readings = new List<GpuReading>();
        var cells = new List<string>();
        var uuids = new HashSet<string>(StringComparer.Ordinal);
        string? rejected = null;
        foreach (var line in lines)
        {
            var reading = CsvCells.TrySplit(line, cells) && cells.Count == columns.Length ? Read(columns, cells) : null;
            if (reading is null || !uuids.Add(reading.Gpu.Uuid))
            {
                counters.Error("parse");
                rejected ??= line;
                continue;
            }

            readings.Add(reading);
        }

        if (readings.Count == 0 && rejected is not null)
        {
            throw new NvidiaSmiException("parse", $"nvidia-smi printed no row of {columns.Length} columns with a GPU index and UUID: '{Excerpt(rejected)}'.");
        }

        return readings;
    }

    private GpuReading? Read(QueryGpuColumn[] columns, List<string> cells)
    {
        int? index = null;
        string? uuid = null;
        var model = "";
        var values = new double?[FieldCatalog.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            var (kind, ordinal) = columns[i];
            switch (kind)
            {
                case QueryGpuColumnKind.Index:
                    index = int.TryParse(cells[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
                    break;
                case QueryGpuColumnKind.Uuid:
                    uuid = cells[i].Length > 0 ? cells[i] : null;
                    break;
                case QueryGpuColumnKind.Name:
                    model = cells[i];
                    break;
                case QueryGpuColumnKind.Number or QueryGpuColumnKind.Bitmask:
                    values[ordinal] = Number(cells[i], kind == QueryGpuColumnKind.Bitmask, ordinal);
                    break;
            }
        }

        return index is { } gpu && uuid is not null ? new GpuReading(new GpuIdentity(node, uuid, gpu, model), values) : null;
    }

    private double? Number(string text, bool hexadecimal, int ordinal)
    {
        if (NvidiaSmiValue.TryParse(text, hexadecimal, out var value, out var reason))
        {
            return value;
        }

        counters.Blank(FieldCatalog.All[ordinal].Name, reason);
        return null;
    }

    // "power.draw [W]" -> "power.draw".
    private static string HeaderFieldName(string cell)
    {
        var unit = cell.IndexOf(" [", StringComparison.Ordinal);
        return unit < 0 ? cell : cell[..unit];
    }

    private static List<string> Lines(string text) =>
        [.. text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => !string.IsNullOrWhiteSpace(line))];

    private static string Excerpt(string line) => line.Length <= ExcerptLength ? line : line[..ExcerptLength] + "...";
}
