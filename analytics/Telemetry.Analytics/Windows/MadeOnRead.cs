namespace Telemetry.Analytics.Windows;

/// <summary>
/// A closed window's rows kept as values and made into row objects when first read, each once: closing a window
/// writes one struct a row, with no reference for the garbage collector to trace, and the objects the sinks read
/// (the ledger column by column, InfluxDB, the alert rules) are made on the sink's thread, not on the consumer's.
/// Reading from several threads at once may make a row twice; either is the same row.
/// </summary>
internal abstract class MadeOnRead<T> : IReadOnlyList<T>
    where T : class
{
    private T?[]? _made;

    public abstract int Count { get; }

    public T this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var made = _made ?? Interlocked.CompareExchange(ref _made, new T?[Count], null) ?? _made!;
            return made[index] ??= Make(index);
        }
    }

    /// <summary>The row at this index, made from its values.</summary>
    protected abstract T Make(int index);

    public IEnumerator<T> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}
