using System.Collections.Frozen;
using System.Globalization;
using Telemetry.Contract.Fields;

namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>
/// Reads <c>nvidia-smi dmon</c> tables, so that dmon captures can be compared with <c>--query-gpu</c> readings. The
/// line <c># gpu pwr gtemp ...</c> names the columns (dmon repeats it); other <c>#</c> lines, such as the units line,
/// are skipped. <c>-</c> is no value. Columns without a catalog field (enc, dec, jpg, ofa, ...) are ignored.
/// </summary>
internal static class DmonParser
{
    private static readonly FrozenDictionary<string, int> OrdinalByColumn = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["pwr"] = FieldOrdinals.PowerUsage,
        ["gtemp"] = FieldOrdinals.GpuTemp,
        ["mtemp"] = FieldOrdinals.MemoryTemp,
        ["sm"] = FieldOrdinals.GpuUtil,
        ["mem"] = FieldOrdinals.MemCopyUtil,
        ["mclk"] = FieldOrdinals.MemClock,
        ["pclk"] = FieldOrdinals.SmClock,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The rows of every table in the text, in order.</summary>
    /// <exception cref="FormatException">A row comes before any header, has the wrong number of columns or no GPU index.</exception>
    public static IReadOnlyList<DmonReading> Parse(string text)
    {
        string[]? columns = null;
        var readings = new List<DmonReading>();
        foreach (var line in text.Split('\n'))
        {
            var words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            if (words[0].StartsWith('#'))
            {
                columns = HeaderColumns(words) ?? columns;
                continue;
            }

            readings.Add(Row(columns ?? throw new FormatException($"dmon row before any header: '{line.Trim()}'."), words, line));
        }

        return readings;
    }

    // "# gpu pwr ..." or "#Time gpu pwr ..." -> the column names; null for other comment lines (the units line).
    private static string[]? HeaderColumns(string[] words)
    {
        var names = words[0] == "#" ? words[1..] : [words[0][1..], .. words[1..]];
        return names.Contains("gpu", StringComparer.Ordinal) ? names : null;
    }

    private static DmonReading Row(string[] columns, string[] words, string line)
    {
        var gpuColumn = Array.IndexOf(columns, "gpu");
        if (words.Length != columns.Length
            || !int.TryParse(words[gpuColumn], NumberStyles.None, CultureInfo.InvariantCulture, out var gpu))
        {
            throw new FormatException($"dmon row does not match its header ({columns.Length} columns): '{line.Trim()}'.");
        }

        var values = new double?[FieldCatalog.Count];
        for (var i = 0; i < columns.Length; i++)
        {
            if (OrdinalByColumn.TryGetValue(columns[i], out var ordinal)
                && double.TryParse(words[i], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                values[ordinal] = value;
            }
        }

        return new DmonReading(gpu, values);
    }
}
