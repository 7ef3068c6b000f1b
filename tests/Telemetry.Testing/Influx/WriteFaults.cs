namespace Telemetry.Testing.Influx;

/// <summary>
/// The faults planned for the next write requests: a number of them held back for a while, and a number answered with
/// an error instead of being forwarded. A new plan of either kind replaces the one before.
/// </summary>
internal sealed class WriteFaults
{
    private readonly Lock _lock = new();
    private int _failures;
    private InjectedFailure _failure;
    private int _delays;
    private TimeSpan _delay;

    public void Fail(int count, InjectedFailure failure)
    {
        lock (_lock)
        {
            _failures = count;
            _failure = failure;
        }
    }

    public void Delay(int count, TimeSpan delay)
    {
        lock (_lock)
        {
            _delays = count;
            _delay = delay;
        }
    }

    /// <summary>The delay planned for the write request now arriving, if any; each call uses one up.</summary>
    public TimeSpan? TakeDelay()
    {
        lock (_lock)
        {
            if (_delays == 0)
            {
                return null;
            }

            _delays--;
            return _delay;
        }
    }

    /// <summary>The failure planned for the write request now being answered, if any; each call uses one up.</summary>
    public InjectedFailure? TakeFailure()
    {
        lock (_lock)
        {
            if (_failures == 0)
            {
                return null;
            }

            _failures--;
            return _failure;
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _failures = 0;
            _delays = 0;
        }
    }
}
