using System.Text;

namespace Telemetry.Agent.Tests.Collectors.Prometheus;

/// <summary>A page produced line by line as it is read, never held whole; counts the bytes handed out.</summary>
internal sealed class GeneratedPageStream(Func<long, string> lineAt, long lines = long.MaxValue) : Stream
{
    private byte[] _pending = [];
    private int _offset;
    private long _next;

    /// <summary>Bytes read from the stream so far.</summary>
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var written = 0;
        while (written < buffer.Length && (_offset < _pending.Length || _next < lines))
        {
            if (_offset == _pending.Length)
            {
                _pending = Encoding.UTF8.GetBytes(lineAt(_next++));
                _offset = 0;
            }

            var chunk = Math.Min(buffer.Length - written, _pending.Length - _offset);
            _pending.AsSpan(_offset, chunk).CopyTo(buffer[written..]);
            _offset += chunk;
            written += chunk;
        }

        BytesRead += written;
        return written;
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Read(buffer.Span));

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
