using Parquet;
using Parquet.Meta;
using Parquet.Schema;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.LedgerSamples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Ledger;

/// <summary>The files as a finance tool sees them: opened with Parquet.Net's low-level reader, not the ledger's.</summary>
[TestClass]
public sealed class ParquetFileFormatTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    public async Task GpuFilesHoldTheTablesColumnsInOrder()
    {
        using var directory = new TempDirectory();
        new LedgerWriter(directory.Path).Write(FirstMinute());

        await using var reader = await OpenAsync(directory, "gpu-windows");

        var expected = LedgerSchemas.GpuWindows.Schema.FieldsList.Select(f => f.Name).ToArray();
        CollectionAssert.AreEqual(expected, reader.Schema.DataFields.Select(f => f.Name).ToArray());
        Assert.AreEqual("window_start", expected[0]);
        Assert.AreEqual(2L, reader.Metadata!.NumRows);
    }

    [TestMethod]
    public async Task ColumnsCarryParquetTypesThatOtherToolsUnderstand()
    {
        using var directory = new TempDirectory();
        new LedgerWriter(directory.Path).Write(FirstMinute());

        await using var reader = await OpenAsync(directory, "gpu-windows");
        var columns = reader.Metadata!.Schema.Skip(1).ToDictionary(e => e.Name);

        var start = columns["window_start"];
        Assert.AreEqual(Parquet.Meta.Type.INT64, start.Type);
        Assert.AreEqual(FieldRepetitionType.REQUIRED, start.RepetitionType);
        Assert.IsTrue(start.LogicalType!.TIMESTAMP!.IsAdjustedToUTC, "timestamps are UTC instants");
        Assert.IsNotNull(start.LogicalType.TIMESTAMP.Unit.MILLIS, "timestamps are milliseconds");
        AssertColumn(columns["node"], Parquet.Meta.Type.BYTE_ARRAY, FieldRepetitionType.REQUIRED);
        Assert.IsNotNull(columns["node"].LogicalType!.STRING, "text is UTF-8 strings, not opaque bytes");
        AssertColumn(columns["job_id"], Parquet.Meta.Type.BYTE_ARRAY, FieldRepetitionType.OPTIONAL);
        AssertColumn(columns["gpu_index"], Parquet.Meta.Type.INT32, FieldRepetitionType.REQUIRED);
        AssertColumn(columns["mig_instance"], Parquet.Meta.Type.INT32, FieldRepetitionType.OPTIONAL);
        AssertColumn(columns["xid_last"], Parquet.Meta.Type.INT64, FieldRepetitionType.REQUIRED);
        AssertColumn(columns["energy_j"], Parquet.Meta.Type.DOUBLE, FieldRepetitionType.REQUIRED);
        AssertColumn(columns["power_mean_w"], Parquet.Meta.Type.DOUBLE, FieldRepetitionType.OPTIONAL);
    }

    [TestMethod]
    public async Task FilesAreOneSnappyRowGroupNamedAfterTheirTable()
    {
        using var directory = new TempDirectory();
        new LedgerWriter(directory.Path).Write(FirstMinute());

        await using var reader = await OpenAsync(directory, "job-windows");

        var rowGroup = Assert.ContainsSingle(reader.Metadata!.RowGroups);
        Assert.IsTrue(rowGroup.Columns.All(c => c.MetaData!.Codec == CompressionCodec.SNAPPY));
        Assert.AreEqual("job-windows", reader.CustomMetadata["telemetry.ledger_table"]);
    }

    [TestMethod]
    public async Task JobFilesCarryTheDerivedRatiosForReadersWithOtherParquetTools()
    {
        using var directory = new TempDirectory();
        new LedgerWriter(directory.Path).Write(new ClosedWindow(T0, At(60), [], [JobWithThroughput, JobWithoutThroughput]));

        await using var reader = await OpenAsync(directory, "job-windows");
        using var rowGroup = reader.OpenRowGroupReader(0);
        var tokensPerJoule = await ReadDoublesAsync(reader, rowGroup, "tokens_per_joule");
        var tflopsPerWatt = await ReadDoublesAsync(reader, rowGroup, "tflops_per_watt");
        var idle = await ReadDoublesAsync(reader, rowGroup, "idle_gpu_seconds");

        Assert.AreEqual(1_000_001 / 36_012.345, tokensPerJoule[0]!.Value, 1e-12);
        Assert.IsNull(tokensPerJoule[1], "a job without throughput has no tokens per joule");
        Assert.AreEqual(1_234.5678 / 36_012.345, tflopsPerWatt[0]!.Value, 1e-12);
        Assert.AreEqual(59.25 - 55.25, idle[0]!.Value);
    }

    private static void AssertColumn(SchemaElement column, Parquet.Meta.Type type, FieldRepetitionType repetition)
    {
        Assert.AreEqual(type, column.Type, column.Name);
        Assert.AreEqual(repetition, column.RepetitionType, column.Name);
    }

    private async Task<ParquetReader> OpenAsync(TempDirectory directory, string table)
    {
        var file = Directory.GetFiles(Path.Combine(directory.Path, table), "*.parquet", SearchOption.AllDirectories).Single();
        return await ParquetReader.CreateAsync(file, cancellationToken: TestContext.CancellationToken);
    }

    private async Task<double?[]> ReadDoublesAsync(ParquetReader reader, ParquetRowGroupReader rowGroup, string column)
    {
        var values = new double?[rowGroup.RowCount];
        await rowGroup.ReadAsync<double>(reader.Schema.FindDataField(column), values, null, TestContext.CancellationToken);
        return values;
    }
}
