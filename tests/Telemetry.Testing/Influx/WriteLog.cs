namespace Telemetry.Testing.Influx;

/// <summary>The write requests the proxy received and answered; safe to use from the proxy's threads and the test's.</summary>
internal sealed class WriteLog
{
    private readonly Lock _lock = new();
    private readonly List<InfluxWriteRequest> _answered = [];
    private int _received;

    public int Received => Volatile.Read(ref _received);

    public void Receive() => Interlocked.Increment(ref _received);

    public void Answer(InfluxWriteRequest request)
    {
        lock (_lock)
        {
            _answered.Add(request);
        }
    }

    public IReadOnlyList<InfluxWriteRequest> Answered()
    {
        lock (_lock)
        {
            return [.. _answered];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _answered.Clear();
            Interlocked.Exchange(ref _received, 0);
        }
    }
}
