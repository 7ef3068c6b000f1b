using Apache.Arrow;
using Apache.Arrow.Types;
using Parquet;
using Parquet.Schema;
using Field = Apache.Arrow.Field;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// Maps ledger columns between Arrow and Parquet, by Arrow type, so that any column a <see cref="ColumnSpec{T}"/> can
/// declare reaches Parquet without code of its own: timestamp (ms, UTC) as INT64 TIMESTAMP(MILLIS, UTC), utf8 as
/// BYTE_ARRAY STRING, int32, int64 and float64 as themselves; a nullable Arrow field is an OPTIONAL Parquet field,
/// any other REQUIRED.
/// </summary>
internal static class ParquetColumns
{
    /// <summary>The Parquet field of an Arrow field.</summary>
    /// <exception cref="NotSupportedException">The Arrow type has no mapping here.</exception>
    public static DataField Field(Field field) => field.DataType switch
    {
        TimestampType { Unit: TimeUnit.Millisecond } t =>
            new DateTimeDataField(field.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: t.Timezone is not null, unit: DateTimeTimeUnit.Millis, isNullable: field.IsNullable),
        StringType => new DataField(field.Name, typeof(string), field.IsNullable),
        Int32Type => new DataField(field.Name, typeof(int), field.IsNullable),
        Int64Type => new DataField(field.Name, typeof(long), field.IsNullable),
        DoubleType => new DataField(field.Name, typeof(double), field.IsNullable),
        _ => throw new NotSupportedException($"Ledger column '{field.Name}' is {field.DataType.Name}; the ledger maps timestamp[ms], utf8, int32, int64 and float64 to Parquet."),
    };

    /// <summary>Writes an Arrow column as the Parquet column of a row group.</summary>
    public static Task WriteAsync(ParquetRowGroupWriter rowGroup, DataField field, IArrowArray array, CancellationToken cancellationToken) => array switch
    {
        TimestampArray a when field.IsNullable => rowGroup.WriteAsync<DateTime>(field, Nullables(a, static (a, i) => ToDateTime(a.Values[i])), null, null, cancellationToken),
        TimestampArray a => rowGroup.WriteAsync<DateTime>(field, System.Array.ConvertAll(a.Values.ToArray(), ToDateTime), null, null, cancellationToken),
        StringArray a => rowGroup.WriteAsync(field, Strings(a), null),
        Int32Array a => WritePrimitiveAsync(rowGroup, field, a, cancellationToken),
        Int64Array a => WritePrimitiveAsync(rowGroup, field, a, cancellationToken),
        DoubleArray a => WritePrimitiveAsync(rowGroup, field, a, cancellationToken),
        _ => throw new NotSupportedException($"Ledger column '{field.Name}' is {array.Data.DataType.Name}, which the ledger does not write to Parquet."),
    };

    /// <summary>Reads a Parquet column of a row group into an Arrow column of the given field's type.</summary>
    /// <exception cref="InvalidDataException">The file's column is not of the type the ledger expects.</exception>
    public static async ValueTask<IArrowArray> ReadAsync(ParquetRowGroupReader rowGroup, DataField stored, Field field, CancellationToken cancellationToken)
    {
        var expected = Field(field);
        if (stored.ClrType != expected.ClrType || stored is DateTimeDataField != expected is DateTimeDataField)
        {
            throw new InvalidDataException($"Column '{field.Name}' is stored as {stored.ClrType.Name}; the ledger reads it as {field.DataType.Name}.");
        }

        var rows = checked((int)rowGroup.RowCount);
        switch (field.DataType)
        {
            case TimestampType t:
                var timestamps = new TimestampArray.Builder(t.Unit, t.Timezone).Reserve(rows);
                foreach (var value in await ReadValuesAsync<DateTime>(rowGroup, stored, rows, cancellationToken).ConfigureAwait(false))
                {
                    _ = value is { } time ? timestamps.Append(new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))) : timestamps.AppendNull();
                }

                return timestamps.Build();
            case StringType:
                var texts = new string[rows];
                await rowGroup.ReadAsync(stored, texts, null, cancellationToken).ConfigureAwait(false);
                var strings = new StringArray.Builder();
                foreach (var text in texts)
                {
                    _ = text is null ? strings.AppendNull() : strings.Append(text);
                }

                return strings.Build();
            case Int32Type:
                return Build<int, Int32Array, Int32Array.Builder>(new Int32Array.Builder(), await ReadValuesAsync<int>(rowGroup, stored, rows, cancellationToken).ConfigureAwait(false));
            case Int64Type:
                return Build<long, Int64Array, Int64Array.Builder>(new Int64Array.Builder(), await ReadValuesAsync<long>(rowGroup, stored, rows, cancellationToken).ConfigureAwait(false));
            default:
                return Build<double, DoubleArray, DoubleArray.Builder>(new DoubleArray.Builder(), await ReadValuesAsync<double>(rowGroup, stored, rows, cancellationToken).ConfigureAwait(false));
        }
    }

    private static DateTime ToDateTime(long unixMs) => DateTime.UnixEpoch.AddMilliseconds(unixMs);

    private static Task WritePrimitiveAsync<TValue>(ParquetRowGroupWriter rowGroup, DataField field, PrimitiveArray<TValue> array, CancellationToken cancellationToken)
        where TValue : struct, IEquatable<TValue> =>
        field.IsNullable
            ? rowGroup.WriteAsync<TValue>(field, Nullables(array, static (a, i) => a.Values[i]), null, null, cancellationToken)
            : rowGroup.WriteAsync<TValue>(field, array.Values.ToArray(), null, null, cancellationToken);

    private static async ValueTask<TValue?[]> ReadValuesAsync<TValue>(ParquetRowGroupReader rowGroup, DataField stored, int rows, CancellationToken cancellationToken)
        where TValue : struct
    {
        var values = new TValue?[rows];
        if (stored.IsNullable)
        {
            await rowGroup.ReadAsync<TValue>(stored, values, null, cancellationToken).ConfigureAwait(false);
            return values;
        }

        // Never read a REQUIRED column into nullable memory: Parquet.Net 6.1 then takes its nulls from definition levels
        // in a pooled buffer it does not fill, so values come back null at random, depending on what the pool last held.
        var required = new TValue[rows];
        await rowGroup.ReadAsync<TValue>(stored, required, null, cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < rows; i++)
        {
            values[i] = required[i];
        }

        return values;
    }

    private static TArray Build<TValue, TArray, TBuilder>(TBuilder builder, TValue?[] values)
        where TValue : struct
        where TArray : IArrowArray
        where TBuilder : PrimitiveArrayBuilder<TValue, TArray, TBuilder>
    {
        builder.Reserve(values.Length);
        foreach (var value in values)
        {
            builder.Append(value);
        }

        return builder.Build();
    }

    private static TValue?[] Nullables<TArray, TValue>(TArray array, Func<TArray, int, TValue> value)
        where TArray : IArrowArray
        where TValue : struct
    {
        var values = new TValue?[array.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = array.IsNull(i) ? null : value(array, i);
        }

        return values;
    }

    private static string[] Strings(StringArray array)
    {
        var values = new string[array.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = array.IsNull(i) ? null! : array.GetString(i);
        }

        return values;
    }
}
