using System.Buffers;
using Apache.Arrow;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using V = Telemetry.Analytics.Ledger.BatchValues;

namespace Telemetry.Analytics.Tests.Ledger;

/// <summary>Every kind of column a <see cref="ColumnSpec{T}"/> declares, through a Parquet file and back.</summary>
[TestClass]
public sealed class ParquetColumnsTests
{
    private static readonly LedgerTable<Row> Everything = new("every-type", Columns(withAddedColumn: false), Read);

    private static readonly LedgerTable<Row> EverythingAndMore = new("every-type", Columns(withAddedColumn: true), Read);

    private static readonly Row[] Rows =
    [
        new(1_772_323_200_123, "node-1", "with a note", 7, 3, long.MaxValue, 0.9875, 612.5),
        new(0, "", null, int.MinValue, null, long.MinValue, double.NaN, null),
        new(-86_400_000, "ノード-2 ⚡", "", int.MaxValue, 0, 0, double.NegativeInfinity, double.Epsilon),
    ];

    [TestMethod]
    public void EveryColumnTypeAndNullComesBackAsWritten()
    {
        using var directory = new TempDirectory();

        var path = WriteFile(directory, Everything, Rows);

        CollectionAssert.AreEqual(Rows, ParquetTableFile.Read(Everything, path));
    }

    [TestMethod]
    public void RequiredColumnsComeBackWhateverTheSharedPoolLastHeld()
    {
        using var directory = new TempDirectory();
        var path = WriteFile(directory, Everything, Rows);
        // Parquet.Net rents its definition levels from the shared pool; leave it holding what would read as nulls.
        foreach (var length in new[] { 8, 16, 32, 64, 128, 256, 1024 })
        {
            var stale = ArrayPool<int>.Shared.Rent(length);
            System.Array.Fill(stale, -1);
            ArrayPool<int>.Shared.Return(stale);
        }

        CollectionAssert.AreEqual(Rows, ParquetTableFile.Read(Everything, path));
    }

    [TestMethod]
    public void AnEmptyWindowMakesAFileWithNoRows()
    {
        using var directory = new TempDirectory();

        var path = WriteFile(directory, Everything, []);

        Assert.IsEmpty(ParquetTableFile.Read(Everything, path));
    }

    [TestMethod]
    public void AColumnAddedAfterAFileWasWrittenReadsAsAbsent()
    {
        using var directory = new TempDirectory();
        var withAdded = Rows.Select(r => r with { Added = 2.5 }).ToArray();
        var newer = WriteFile(directory, EverythingAndMore, withAdded, "newer.parquet");
        var older = WriteFile(directory, Everything, withAdded, "older.parquet");

        CollectionAssert.AreEqual(withAdded, ParquetTableFile.Read(EverythingAndMore, newer));
        CollectionAssert.AreEqual(Rows, ParquetTableFile.Read(EverythingAndMore, older), "a file without the column reads it as null");
    }

    [TestMethod]
    public void AFileThatIsNotParquetIsRefusedWithItsPath()
    {
        using var directory = new TempDirectory();
        Directory.CreateDirectory(directory.Path);
        var path = Path.Combine(directory.Path, "garbage.parquet");
        File.WriteAllText(path, "this is not a Parquet file, only long enough to look like one at first glance");

        var error = Assert.Throws<InvalidDataException>(() => ParquetTableFile.Read(Everything, path));

        StringAssert.Contains(error.Message, path);
    }

    [TestMethod]
    public void AColumnOfAnotherTypeIsRefusedByName()
    {
        using var directory = new TempDirectory();
        var renamed = new LedgerTable<Row>("every-type", [ColumnSpec<Row>.Text("count", r => r.Name)], (_, _) => Rows[0]);
        var path = WriteFile(directory, renamed, Rows);

        var error = Assert.Throws<InvalidDataException>(() => ParquetTableFile.Read(Everything, path));

        StringAssert.Contains(error.Message, "'count'");
    }

    private static string WriteFile(TempDirectory directory, LedgerTable<Row> table, Row[] rows, string name = "rows.parquet")
    {
        Directory.CreateDirectory(directory.Path);
        var path = Path.Combine(directory.Path, name);
        File.WriteAllBytes(path, ParquetTableFile.Write(table, rows));
        return path;
    }

    private static ColumnSpec<Row>[] Columns(bool withAddedColumn) =>
    [
        ColumnSpec<Row>.Time("at", r => r.At),
        ColumnSpec<Row>.Text("name", r => r.Name),
        ColumnSpec<Row>.Text("note", r => r.Note, nullable: true),
        ColumnSpec<Row>.Int32("count", r => r.Count),
        ColumnSpec<Row>.Int32("maybe", r => r.Maybe, nullable: true),
        ColumnSpec<Row>.Int64("big", r => r.Big),
        ColumnSpec<Row>.Float64("ratio", r => r.Ratio),
        ColumnSpec<Row>.Float64("optional", r => r.Optional, nullable: true),
        .. withAddedColumn ? [ColumnSpec<Row>.Float64("added", r => r.Added, nullable: true)] : System.Array.Empty<ColumnSpec<Row>>(),
    ];

    private static Row Read(RecordBatch b, int i) => new(
        V.Time(b, "at", i), V.Text(b, "name", i), V.TextOrNull(b, "note", i), V.Int32(b, "count", i), V.Int32OrNull(b, "maybe", i),
        V.Int64(b, "big", i), V.Float64(b, "ratio", i), V.Float64OrNull(b, "optional", i), V.Float64OrNullIfAbsent(b, "added", i));

    private sealed record Row(long At, string Name, string? Note, int Count, int? Maybe, long Big, double Ratio, double? Optional, double? Added = null);
}
