using Apache.Arrow;
using Parquet;

namespace Telemetry.Analytics.Ledger;

/// <summary>
/// One window of one table as a Parquet file: a single row group, Snappy-compressed, with the table's name and version
/// as key-value metadata and nothing that varies between runs (no timestamps, no ids), so that the same rows always
/// give the same bytes. Parquet.Net's API is asynchronous only; the file is built in memory and parsed from memory,
/// where its tasks do not wait on I/O, so the blocking calls here cost no thread time beyond the work itself.
/// </summary>
internal static class ParquetTableFile
{
    /// <summary>The file's bytes for these rows.</summary>
    public static byte[] Write<T>(LedgerTable<T> table, IReadOnlyList<T> rows)
    {
        using var batch = table.ToBatch(rows);
        return WriteAsync(table, batch, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>The rows of a file, in file order.</summary>
    /// <exception cref="InvalidDataException">The file is not a Parquet file of this table.</exception>
    public static List<T> Read<T>(LedgerTable<T> table, string path) =>
        ReadAsync(table, path, CancellationToken.None).GetAwaiter().GetResult();

    // Pinned so that a change of the library's defaults cannot change the bytes of a replayed window.
    private static ParquetOptions Options() => new()
    {
        CompressionMethod = CompressionMethod.Snappy,
        CompressionLevel = System.IO.Compression.CompressionLevel.Optimal,
    };

    private static async Task<byte[]> WriteAsync<T>(LedgerTable<T> table, RecordBatch batch, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream();
        var writer = await ParquetWriter.CreateAsync(table.ParquetSchema, memory, Options(), cancellationToken: cancellationToken).ConfigureAwait(false);
        await using (writer.ConfigureAwait(false))
        {
            writer.CustomMetadata = table.Schema.Metadata;
            using var rowGroup = writer.CreateRowGroup();
            var fields = table.ParquetSchema.DataFields;
            for (var i = 0; i < fields.Length; i++)
            {
                await ParquetColumns.WriteAsync(rowGroup, fields[i], batch.Column(i), cancellationToken).ConfigureAwait(false);
            }
        }

        return memory.ToArray();
    }

    private static async Task<List<T>> ReadAsync<T>(LedgerTable<T> table, string path, CancellationToken cancellationToken)
    {
        using var memory = new MemoryStream(File.ReadAllBytes(path));
        ParquetReader reader;
        try
        {
            reader = await ParquetReader.CreateAsync(memory, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            throw new InvalidDataException($"{path} is not a Parquet file: {e.Message}", e);
        }

        await using (reader.ConfigureAwait(false))
        {
            var rows = new List<T>();
            for (var g = 0; g < reader.RowGroupCount; g++)
            {
                using var rowGroup = reader.OpenRowGroupReader(g);
                using var batch = await ReadBatchAsync(table, reader, rowGroup, path, cancellationToken).ConfigureAwait(false);
                rows.AddRange(table.FromBatch(batch));
            }

            return rows;
        }
    }

    // The batch holds the table's columns that the file has, in the table's order: a column added to the table after
    // the file was written is absent from the batch, and readers of such columns treat absence as null.
    private static async Task<RecordBatch> ReadBatchAsync<T>(LedgerTable<T> table, ParquetReader reader, ParquetRowGroupReader rowGroup, string path, CancellationToken cancellationToken)
    {
        var fields = new List<Field>();
        var arrays = new List<IArrowArray>();
        foreach (var field in table.Schema.FieldsList)
        {
            if (reader.Schema.DataFields.FirstOrDefault(f => f.Name == field.Name) is not { } stored)
            {
                continue;
            }

            try
            {
                arrays.Add(await ParquetColumns.ReadAsync(rowGroup, stored, field, cancellationToken).ConfigureAwait(false));
            }
            catch (InvalidDataException e)
            {
                // The columns read so far hold native memory that no batch will release.
                arrays.ForEach(a => a.Dispose());
                throw new InvalidDataException($"{path}: {e.Message}", e);
            }

            fields.Add(field);
        }

        var schema = fields.Count == table.Schema.FieldsList.Count ? table.Schema : new Schema(fields, table.Schema.Metadata);
        return new RecordBatch(schema, arrays, checked((int)rowGroup.RowCount));
    }
}
