using Apache.Arrow;
using Apache.Arrow.Types;

namespace Telemetry.Analytics.Ledger;

/// <summary>One column of a ledger table: its Arrow field, how to build it from rows, and how to read a value back.</summary>
internal sealed record ColumnSpec<T>(Field Field, Func<IReadOnlyList<T>, IArrowArray> Build)
{
    public static ColumnSpec<T> Time(string name, Func<T, long> get) => new(
        new Field(name, new TimestampType(TimeUnit.Millisecond, "UTC"), false),
        rows =>
        {
            var b = new TimestampArray.Builder(TimeUnit.Millisecond, "UTC").Reserve(rows.Count);
            foreach (var r in rows) { b.Append(DateTimeOffset.FromUnixTimeMilliseconds(get(r))); }
            return b.Build();
        });

    public static ColumnSpec<T> Text(string name, Func<T, string?> get, bool nullable = false) => new(
        new Field(name, StringType.Default, nullable),
        rows =>
        {
            var b = new StringArray.Builder();
            foreach (var r in rows)
            {
                if (get(r) is { } v) { b.Append(v); } else { b.AppendNull(); }
            }

            return b.Build();
        });

    public static ColumnSpec<T> Int32(string name, Func<T, int?> get, bool nullable = false) => new(
        new Field(name, Int32Type.Default, nullable),
        rows =>
        {
            var b = new Int32Array.Builder().Reserve(rows.Count);
            foreach (var r in rows) { b.Append(get(r)); }
            return b.Build();
        });

    public static ColumnSpec<T> Int64(string name, Func<T, long> get) => new(
        new Field(name, Int64Type.Default, false),
        rows =>
        {
            var b = new Int64Array.Builder().Reserve(rows.Count);
            foreach (var r in rows) { b.Append(get(r)); }
            return b.Build();
        });

    public static ColumnSpec<T> Int64OrNull(string name, Func<T, long?> get) => new(
        new Field(name, Int64Type.Default, true),
        rows =>
        {
            var b = new Int64Array.Builder().Reserve(rows.Count);
            foreach (var r in rows) { b.Append(get(r)); }
            return b.Build();
        });

    public static ColumnSpec<T> Float64(string name, Func<T, double?> get, bool nullable = false) => new(
        new Field(name, DoubleType.Default, nullable),
        rows =>
        {
            var b = new DoubleArray.Builder().Reserve(rows.Count);
            foreach (var r in rows) { b.Append(get(r)); }
            return b.Build();
        });
}
