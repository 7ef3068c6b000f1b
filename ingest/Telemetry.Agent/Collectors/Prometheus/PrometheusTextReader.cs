using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;

namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>
/// Reads the samples of a Prometheus text exposition page (format 0.0.4) from a stream, one at a time, and stops at
/// the first line that is malformed or exceeds a bound of <see cref="PrometheusLimits"/>. The page is never held
/// whole: memory is one line buffer plus a key per series seen, which <see cref="PrometheusLimits.MaxSeries"/> bounds.
/// </summary>
/// <remarks>
/// A series that appears twice (same name, same label set in any order) is an error, as in Prometheus' own client
/// libraries, which refuse to serve such a page: the two values disagree or repeat, and either way the page is not
/// one consistent reading. A family with two HELP or two TYPE lines is an error for the same reason. The last line
/// may lack its line feed; if it is then also malformed (cut inside a label set or before its value) the error is
/// <see cref="PrometheusTextError.Truncated"/>.
/// </remarks>
internal sealed class PrometheusTextReader : IDisposable
{
    private readonly PrometheusLineReader _lines;
    private readonly PrometheusLimits _limits;
    private readonly Dictionary<string, PrometheusMetricType> _types = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _help = new(StringComparer.Ordinal);
    private readonly HashSet<string> _series = new(StringComparer.Ordinal);

    /// <summary>Reads the page in <paramref name="stream"/> within <paramref name="limits"/>.</summary>
    public PrometheusTextReader(Stream stream, PrometheusLimits limits)
    {
        _limits = limits;
        _lines = new PrometheusLineReader(stream, limits);
    }

    /// <summary>Family types from the TYPE lines read so far.</summary>
    public IReadOnlyDictionary<string, PrometheusMetricType> Types => _types;

    /// <summary>Family docstrings from the HELP lines read so far.</summary>
    public IReadOnlyDictionary<string, string> Help => _help;

    /// <summary>Series read so far.</summary>
    public int SeriesCount => _series.Count;

    /// <summary>Bytes read from the stream so far.</summary>
    public long PageBytes => _lines.PageBytes;

    /// <summary>Every remaining sample of the page, in page order.</summary>
    /// <exception cref="PrometheusTextException">The page is malformed or exceeds a bound.</exception>
    public async IAsyncEnumerable<PrometheusSample> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await ReadAsync(cancellationToken).ConfigureAwait(false) is { } sample)
        {
            yield return sample;
        }
    }

    /// <summary>The next sample, or null at the end of the page.</summary>
    /// <exception cref="PrometheusTextException">The page is malformed or exceeds a bound.</exception>
    public async ValueTask<PrometheusSample?> ReadAsync(CancellationToken cancellationToken)
    {
        while (await _lines.ReadLineAsync(cancellationToken).ConfigureAwait(false))
        {
            if (ParseLine() is { } sample)
            {
                return sample;
            }
        }

        return null;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    private PrometheusSample? ParseLine()
    {
        try
        {
            return ParseLine(_lines.Line, _lines.LineNumber);
        }
        catch (PrometheusTextException e) when (e.Error == PrometheusTextError.Syntax && !_lines.LineTerminated)
        {
            throw new PrometheusTextException(PrometheusTextError.Truncated, e.Line,
                $"the page ends without a line feed inside this line, which is cut short ({e.Message})", e);
        }
    }

    private PrometheusSample? ParseLine(ReadOnlySpan<byte> line, int lineNumber)
    {
        if (!Utf8.IsValid(line))
        {
            throw new PrometheusTextException(PrometheusTextError.InvalidUtf8, lineNumber, "the line is not valid UTF-8");
        }

        var text = line.TrimStart(" \t"u8);
        if (text.IsEmpty)
        {
            return null;
        }

        if (text[0] == (byte)'#')
        {
            AddMetadata(PrometheusCommentParser.Parse(text, lineNumber), lineNumber);
            return null;
        }

        if (_series.Count == _limits.MaxSeries)
        {
            throw new PrometheusTextException(PrometheusTextError.TooManySeries, lineNumber,
                $"the page has more than {_limits.MaxSeries} series (MaxSeries)");
        }

        var sample = PrometheusSampleParser.Parse(text, lineNumber, _limits);
        if (!_series.Add(SeriesKey(sample)))
        {
            throw new PrometheusTextException(PrometheusTextError.Duplicate, lineNumber,
                $"series {PrometheusLineCursor.Excerpt(sample.Name)} with these labels appears earlier on the page");
        }

        return sample;
    }

    private void AddMetadata(PrometheusMetadata? metadata, int lineNumber)
    {
        var added = metadata switch
        {
            null => true,
            { Type: { } type } => _types.TryAdd(metadata.Value.Family, type),
            { Help: { } help } => _help.TryAdd(metadata.Value.Family, help),
            _ => true,
        };
        if (!added)
        {
            var kind = metadata!.Value.Type is null ? "HELP" : "TYPE";
            throw new PrometheusTextException(PrometheusTextError.Duplicate, lineNumber, $"a second {kind} line for {PrometheusLineCursor.Excerpt(metadata.Value.Family)}");
        }
    }

    /// <summary>Name and labels sorted by name, each value prefixed with its length so that no value can mimic a separator.</summary>
    private static string SeriesKey(PrometheusSample sample)
    {
        var labels = sample.Labels.ToArray();
        Array.Sort(labels, static (a, b) => string.CompareOrdinal(a.Name, b.Name));
        var key = new StringBuilder(sample.Name);
        foreach (var label in labels)
        {
            key.Append('{').Append(label.Name).Append('=').Append(label.Value.Length).Append(':').Append(label.Value);
        }

        return key.ToString();
    }
}
