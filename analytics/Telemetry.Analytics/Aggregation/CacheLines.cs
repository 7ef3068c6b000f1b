using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// Asks the processor for memory before it is read, so that several misses overlap instead of each waiting for the
/// last. A hint only: it changes no value, and does nothing where the processor has no such instruction.
/// </summary>
internal static class CacheLines
{
    private const int Line = 64;

    /// <summary>The first <paramref name="most"/> bytes of a span.</summary>
    public static unsafe void Prefetch<T>(ReadOnlySpan<T> span, int most)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(span);
        fixed (byte* start = bytes)
        {
            Prefetch(start, Math.Min(bytes.Length, most));
        }
    }

    /// <summary>A value of type <typeparamref name="T"/> where <paramref name="value"/> lies.</summary>
    public static unsafe void Prefetch<T>(ref T value)
        where T : struct => Prefetch(Unsafe.AsPointer(ref value), Unsafe.SizeOf<T>());

    /// <summary>The first <paramref name="bytes"/> of an object (its address may be stale by the time it is used: no harm).</summary>
    public static unsafe void Prefetch(object instance, int bytes) => Prefetch((void*)Unsafe.As<object, nint>(ref instance), bytes);

    private static unsafe void Prefetch(void* start, int bytes)
    {
        if (!Sse.IsSupported || bytes <= 0)
        {
            return;
        }

        var first = (byte*)start;
        for (var offset = 0; offset < bytes; offset += Line)
        {
            Sse.Prefetch0(first + offset);
        }

        // The last line, where the value does not start on a line.
        Sse.Prefetch0(first + bytes - 1);
    }
}
