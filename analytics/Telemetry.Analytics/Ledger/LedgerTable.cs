using Apache.Arrow;
using Parquet.Schema;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// A ledger table: its Arrow and Parquet schemas, built once from its columns, and the conversion of rows to a record
/// batch and back. Every column maps to Parquet by its Arrow type (<see cref="ParquetColumns"/>), so a column or table
/// added to <see cref="LedgerSchemas"/> needs no Parquet code of its own.
/// </summary>
internal sealed class LedgerTable<T>
{
    private readonly IReadOnlyList<ColumnSpec<T>> _columns;
    private readonly Func<RecordBatch, int, T> _read;

    public LedgerTable(string name, IReadOnlyList<ColumnSpec<T>> columns, Func<RecordBatch, int, T> read)
    {
        Name = name;
        _columns = columns;
        _read = read;
        var builder = new Schema.Builder();
        foreach (var column in columns)
        {
            builder.Field(column.Field);
        }

        Schema = builder.Metadata("telemetry.ledger_table", name).Metadata("telemetry.ledger_version", "1").Build();
        ParquetSchema = new ParquetSchema(columns.Select(c => ParquetColumns.Field(c.Field)));
    }

    /// <summary>Directory name of the table under the ledger root.</summary>
    public string Name { get; }

    /// <summary>The Arrow schema; its metadata also goes into every Parquet file's key-value metadata.</summary>
    public Schema Schema { get; }

    /// <summary>The Parquet schema: the same columns, in the same order.</summary>
    public ParquetSchema ParquetSchema { get; }

    public RecordBatch ToBatch(IReadOnlyList<T> rows) =>
        new(Schema, _columns.Select(c => c.Build(rows)), rows.Count);

    public IEnumerable<T> FromBatch(RecordBatch batch)
    {
        for (var row = 0; row < batch.Length; row++)
        {
            yield return _read(batch, row);
        }
    }
}
