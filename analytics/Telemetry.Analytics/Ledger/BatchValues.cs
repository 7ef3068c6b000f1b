using Apache.Arrow;

namespace Telemetry.Analytics.Ledger;

/// <summary>Reads one value of a named column of a record batch.</summary>
internal static class BatchValues
{
    public static long Time(RecordBatch b, string name, int row) => ((TimestampArray)b.Column(name)).Values[row];
    public static string Text(RecordBatch b, string name, int row) => ((StringArray)b.Column(name)).GetString(row);
    public static string? TextOrNull(RecordBatch b, string name, int row) => ((StringArray)b.Column(name)) is var a && a.IsValid(row) ? a.GetString(row) : null;
    public static int Int32(RecordBatch b, string name, int row) => ((Int32Array)b.Column(name)).Values[row];
    public static int? Int32OrNull(RecordBatch b, string name, int row) => ((Int32Array)b.Column(name)).GetValue(row);
    public static long Int64(RecordBatch b, string name, int row) => ((Int64Array)b.Column(name)).Values[row];
    public static double Float64(RecordBatch b, string name, int row) => ((DoubleArray)b.Column(name)).Values[row];
    public static double? Float64OrNull(RecordBatch b, string name, int row) => ((DoubleArray)b.Column(name)).GetValue(row);
    public static double Float64OrZeroIfAbsent(RecordBatch b, string name, int row) => b.Schema.GetFieldIndex(name) < 0 ? 0 : Float64(b, name, row);
    public static int Int32OrZeroIfAbsent(RecordBatch b, string name, int row) => b.Schema.GetFieldIndex(name) < 0 ? 0 : Int32(b, name, row);
    public static string? TextOrNullIfAbsent(RecordBatch b, string name, int row) => b.Schema.GetFieldIndex(name) < 0 ? null : TextOrNull(b, name, row);
    public static long? Int64OrNullIfAbsent(RecordBatch b, string name, int row) => b.Schema.GetFieldIndex(name) < 0 ? null : ((Int64Array)b.Column(name)).GetValue(row);
    public static double? Float64OrNullIfAbsent(RecordBatch b, string name, int row) => b.Schema.GetFieldIndex(name) < 0 ? null : Float64OrNull(b, name, row);
}
