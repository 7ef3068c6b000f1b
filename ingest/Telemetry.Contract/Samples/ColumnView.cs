using Apache.Arrow;

namespace Telemetry.Contract.Samples;

/// <summary>
/// A fixed-width column's values and validity as spans, read in place: no Arrow array object is needed for it. Rows
/// are valid when the column has no nulls or no bitmap, else by their bit.
/// </summary>
/// <typeparam name="T">The value type.</typeparam>
public readonly ref struct ColumnView<T>
    where T : struct, IEquatable<T>
{
    /// <summary>A view of these spans.</summary>
    public ColumnView(ReadOnlySpan<T> values, ReadOnlySpan<byte> validity, int nullCount)
    {
        Values = values;
        Validity = validity;
        NullCount = nullCount;
    }

    /// <summary>The values, one per row (a null row's slot holds anything).</summary>
    public ReadOnlySpan<T> Values { get; }

    /// <summary>The validity bitmap, empty when every row is valid.</summary>
    public ReadOnlySpan<byte> Validity { get; }

    /// <summary>Null rows.</summary>
    public int NullCount { get; }

    /// <summary>Whether the column is present in the batch.</summary>
    public bool Exists => NullCount >= 0;

    /// <summary>Whether this row has a value.</summary>
    public bool IsValid(int row) => NullCount == 0 || Validity.IsEmpty || (Validity[row >> 3] & (1 << (row & 7))) != 0;
}

/// <summary>Views of Arrow arrays, and of columns a batch lacks.</summary>
public static class ColumnView
{
    /// <summary>A column the batch does not have.</summary>
    public static ColumnView<T> Missing<T>()
        where T : struct, IEquatable<T> => new([], [], -1);

    internal static ColumnView<T> Of<T>(PrimitiveArray<T> array)
        where T : struct, IEquatable<T> => new(array.Values, array.NullBitmapBuffer.Span, array.NullCount);
}

/// <summary>A UTF-8 string column's offsets, bytes and validity as spans, read in place.</summary>
public readonly ref struct StringColumnView
{
    /// <summary>A view of these spans.</summary>
    public StringColumnView(ReadOnlySpan<int> offsets, ReadOnlySpan<byte> data, ReadOnlySpan<byte> validity, int nullCount)
    {
        Offsets = offsets;
        Data = data;
        Validity = validity;
        NullCount = nullCount;
    }

    /// <summary>Row r's bytes lie in <c>Data[Offsets[r]..Offsets[r + 1]]</c>.</summary>
    public ReadOnlySpan<int> Offsets { get; }

    /// <summary>The strings' bytes, end to end.</summary>
    public ReadOnlySpan<byte> Data { get; }

    /// <summary>The validity bitmap, empty when every row is valid.</summary>
    public ReadOnlySpan<byte> Validity { get; }

    /// <summary>Null rows.</summary>
    public int NullCount { get; }

    /// <summary>Whether this row has a value.</summary>
    public bool IsValid(int row) => NullCount == 0 || Validity.IsEmpty || (Validity[row >> 3] & (1 << (row & 7))) != 0;

    /// <summary>Row r's bytes; empty for a null row.</summary>
    public ReadOnlySpan<byte> Bytes(int row) => IsValid(row) ? Data[Offsets[row]..Offsets[row + 1]] : [];

    internal static StringColumnView Of(StringArray array) =>
        new(array.ValueOffsets, array.ValueBuffer.Span, array.NullBitmapBuffer.Span, array.NullCount);
}
