using System.Text;

namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>A position in one line of a page, with the token readers of the text format.</summary>
internal ref struct PrometheusLineCursor
{
    private readonly ReadOnlySpan<byte> _line;
    private int _position;

    /// <summary>A cursor at the start of <paramref name="line"/>, line <paramref name="lineNumber"/> of its page.</summary>
    public PrometheusLineCursor(ReadOnlySpan<byte> line, int lineNumber)
    {
        _line = line;
        LineNumber = lineNumber;
    }

    /// <summary>1-based line number, for error messages.</summary>
    public int LineNumber { get; }

    /// <summary>Whether the whole line has been read.</summary>
    public readonly bool AtEnd => _position >= _line.Length;

    /// <summary>What is left of the line.</summary>
    public readonly ReadOnlySpan<byte> Remaining => _line[_position..];

    /// <summary>Moves past <paramref name="count"/> bytes.</summary>
    public void Advance(int count) => _position += count;

    /// <summary>Moves past blanks and tabs, the format's token separators.</summary>
    public void SkipBlanks()
    {
        while (!AtEnd && IsBlank(_line[_position]))
        {
            _position++;
        }
    }

    /// <summary>Moves past <paramref name="expected"/> if it is next.</summary>
    public bool TryTake(byte expected)
    {
        if (AtEnd || _line[_position] != expected)
        {
            return false;
        }

        _position++;
        return true;
    }

    /// <summary>Reads a metric name (<c>[a-zA-Z_:][a-zA-Z0-9_:]*</c>) or, without colons, a label name.</summary>
    /// <exception cref="PrometheusTextException">No valid name starts here.</exception>
    public string ReadName(bool metric)
    {
        var start = _position;
        while (!AtEnd && IsNameByte(_line[_position], first: _position == start, metric))
        {
            _position++;
        }

        if (_position == start)
        {
            throw Fail(metric ? "expected a metric name" : "expected a label name");
        }

        return Encoding.ASCII.GetString(_line[start.._position]);
    }

    /// <summary>Reads up to the next blank or the end of the line.</summary>
    public ReadOnlySpan<byte> ReadToken()
    {
        var start = _position;
        while (!AtEnd && !IsBlank(_line[_position]))
        {
            _position++;
        }

        return _line[start.._position];
    }

    /// <summary>A syntax error at this line; on a cut-short last line the reader turns it into <see cref="PrometheusTextError.Truncated"/>.</summary>
    public readonly PrometheusTextException Fail(string problem) => new(PrometheusTextError.Syntax, LineNumber, problem);

    /// <summary>An error of another kind at this line.</summary>
    public readonly PrometheusTextException Fail(PrometheusTextError error, string problem) => new(error, LineNumber, problem);

    /// <summary>Page text for an error message, cut to 64 characters: the page is untrusted and its lines may be long.</summary>
    public static string Excerpt(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");

    /// <summary>Page bytes for an error message, cut to 64 characters.</summary>
    public static string Excerpt(ReadOnlySpan<byte> text) => Excerpt(Encoding.UTF8.GetString(text[..Math.Min(text.Length, 256)]));

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';

    private static bool IsNameByte(byte b, bool first, bool metric) =>
        b is (>= (byte)'a' and <= (byte)'z') or (>= (byte)'A' and <= (byte)'Z') or (byte)'_'
        || (metric && b == (byte)':')
        || (!first && b is >= (byte)'0' and <= (byte)'9');
}
