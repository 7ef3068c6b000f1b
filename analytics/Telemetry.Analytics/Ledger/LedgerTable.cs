using Apache.Arrow;

namespace Telemetry.Analytics.Ledger;

/// <summary>A ledger table: a schema built once from its columns, and the conversion of rows to a record batch and back.</summary>
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
    }

    /// <summary>Directory name of the table under the ledger root.</summary>
    public string Name { get; }

    public Schema Schema { get; }

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
