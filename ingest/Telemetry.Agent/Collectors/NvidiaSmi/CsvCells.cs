namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>Splits one line of nvidia-smi's CSV: cells separated by <c>", "</c>, a cell with a comma in double quotes.</summary>
internal static class CsvCells
{
    /// <summary>The cells of the line, unquoted and trimmed; false when a quote is not closed or text follows a closing quote.</summary>
    public static bool TrySplit(ReadOnlySpan<char> line, List<string> cells)
    {
        cells.Clear();
        var position = 0;
        while (true)
        {
            var rest = line[position..];
            var start = rest.Length - rest.TrimStart(' ').Length;
            var consumed = rest[start..].StartsWith('"')
                ? ReadQuoted(rest[start..], cells)
                : ReadPlain(rest[start..], cells);
            if (consumed < 0)
            {
                return false;
            }

            position += start + consumed;
            if (position >= line.Length)
            {
                return true;
            }

            position++; // the comma
        }
    }

    // Returns the characters read up to the comma or the end.
    private static int ReadPlain(ReadOnlySpan<char> text, List<string> cells)
    {
        var comma = text.IndexOf(',');
        var end = comma < 0 ? text.Length : comma;
        cells.Add(text[..end].Trim().ToString());
        return end;
    }

    // Returns the characters read up to the comma or the end, or -1 when the cell is malformed.
    private static int ReadQuoted(ReadOnlySpan<char> text, List<string> cells)
    {
        var value = new System.Text.StringBuilder();
        var i = 1;
        while (true)
        {
            var quote = text[i..].IndexOf('"');
            if (quote < 0)
            {
                return -1;
            }

            value.Append(text.Slice(i, quote));
            i += quote + 1;
            if (i < text.Length && text[i] == '"')
            {
                value.Append('"');
                i++;
                continue;
            }

            break;
        }

        var after = text[i..];
        var trailing = after.Length - after.TrimStart(' ').Length;
        if (i + trailing < text.Length && text[i + trailing] != ',')
        {
            return -1;
        }

        cells.Add(value.ToString());
        return i + trailing;
    }
}
