using System.Buffers;

namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>
/// Splits a stream into lines at line feeds, holding at most one line in a buffer of
/// <see cref="PrometheusLimits.MaxLineBytes"/> (plus one byte), and never reading more than one byte past
/// <see cref="PrometheusLimits.MaxPageBytes"/>.
/// </summary>
internal sealed class PrometheusLineReader : IDisposable
{
    private readonly Stream _stream;
    private readonly PrometheusLimits _limits;
    private readonly int _capacity;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _lineStart;
    private int _lineEnd;
    private long _pageBytes;
    private bool _endOfStream;

    /// <summary>Reads lines from <paramref name="stream"/> within <paramref name="limits"/>.</summary>
    public PrometheusLineReader(Stream stream, PrometheusLimits limits)
    {
        _stream = stream;
        _limits = limits;
        _capacity = limits.MaxLineBytes + 1;
        _buffer = ArrayPool<byte>.Shared.Rent(_capacity);
    }

    /// <summary>1-based number of the current line; 0 before the first.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Whether the current line ended with a line feed; false only for a last line without one.</summary>
    public bool LineTerminated { get; private set; }

    /// <summary>The current line without its line feed; valid until the next read.</summary>
    public ReadOnlySpan<byte> Line => _buffer.AsSpan(_lineStart, _lineEnd - _lineStart);

    /// <summary>Bytes read from the stream so far.</summary>
    public long PageBytes => _pageBytes;

    /// <summary>Moves to the next line; false at the end of the page.</summary>
    /// <exception cref="PrometheusTextException">The page or a line is longer than its limit.</exception>
    public async ValueTask<bool> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanFrom = _start;
        while (true)
        {
            var newline = _buffer.AsSpan(scanFrom, _end - scanFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return TakeLine(scanFrom + newline, terminated: true);
            }

            if (_end - _start > _limits.MaxLineBytes)
            {
                throw LineTooLong(LineNumber + 1);
            }

            if (_endOfStream)
            {
                return _end > _start && TakeLine(_end, terminated: false);
            }

            scanFrom = Compact(scanFrom);
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, []);
        if (buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private bool TakeLine(int end, bool terminated)
    {
        LineNumber++;
        if (end - _start > _limits.MaxLineBytes)
        {
            throw LineTooLong(LineNumber);
        }

        _lineStart = _start;
        _lineEnd = end;
        LineTerminated = terminated;
        _start = terminated ? end + 1 : end;
        return true;
    }

    private int Compact(int scanFrom)
    {
        if (_start == 0)
        {
            return scanFrom;
        }

        var length = _end - _start;
        _buffer.AsSpan(_start, length).CopyTo(_buffer);
        var scanned = scanFrom - _start;
        _start = 0;
        _end = length;
        return scanned;
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        // One byte past the page limit is enough to know the page is too large; never ask for more.
        var room = (int)Math.Min(_capacity - _end, _limits.MaxPageBytes - _pageBytes + 1);
        var read = await _stream.ReadAsync(_buffer.AsMemory(_end, room), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _endOfStream = true;
            return;
        }

        _pageBytes += read;
        _end += read;
        if (_pageBytes > _limits.MaxPageBytes)
        {
            throw new PrometheusTextException(
                PrometheusTextError.PageTooLarge, null, $"the page is larger than {_limits.MaxPageBytes} bytes (MaxPageBytes)");
        }
    }

    private PrometheusTextException LineTooLong(int line) =>
        new(PrometheusTextError.LineTooLong, line, $"the line is longer than {_limits.MaxLineBytes} bytes (MaxLineBytes)");
}
