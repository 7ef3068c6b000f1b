using System.Security.Cryptography;
using System.Text.Json;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using Telemetry.Analytics.Windows;
using static Telemetry.Analytics.Tests.Support.LedgerSamples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Ledger;

[TestClass]
public sealed class LedgerManifestTests
{
    [TestMethod]
    public void EachPartitionListsItsFilesWithChecksumRowsAndSize()
    {
        using var directory = new TempDirectory();

        new LedgerWriter(directory.Path).Write(FirstMinute());

        var partition = Partition(directory, "gpu-windows");
        var line = Assert.ContainsSingle(File.ReadAllLines(Path.Combine(partition, "_manifest.jsonl")));
        var file = Path.Combine(partition, "20260101T000000Z.parquet");
        var bytes = File.ReadAllBytes(file);
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.AreEqual("20260101T000000Z.parquet", root.GetProperty("file").GetString());
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), root.GetProperty("sha256").GetString());
        Assert.AreEqual(2, root.GetProperty("rows").GetInt64());
        Assert.AreEqual(bytes.LongLength, root.GetProperty("bytes").GetInt64());
    }

    [TestMethod]
    public void ManifestLinesFollowTheFilesInTimeOrderWithAFixedKeyOrder()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);

        writer.Write(MinuteAt(Start.AddMinutes(2)));
        writer.Write(MinuteAt(Start));
        writer.Write(MinuteAt(Start.AddMinutes(1)));

        var lines = File.ReadAllLines(Path.Combine(Partition(directory, "job-windows"), "_manifest.jsonl"));
        CollectionAssert.AreEqual(
            new[] { "20260101T000000Z.parquet", "20260101T000100Z.parquet", "20260101T000200Z.parquet" },
            lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("file").GetString()).ToArray());
        Assert.IsTrue(lines.All(l => l.StartsWith("{\"file\":", StringComparison.Ordinal) && l.Contains("\",\"sha256\":\"", StringComparison.Ordinal)));
    }

    [TestMethod]
    public void ReplayingAWindowLeavesTheManifestUntouched()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        writer.Write(FirstMinute());
        var manifest = Path.Combine(Partition(directory, "gpu-windows"), "_manifest.jsonl");
        var before = File.ReadAllBytes(manifest);
        var written = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(manifest, written);

        writer.Write(FirstMinute());

        CollectionAssert.AreEqual(before, File.ReadAllBytes(manifest));
        Assert.AreEqual(written, File.GetLastWriteTimeUtc(manifest), "an unchanged manifest is not rewritten at all");
    }

    [TestMethod]
    public void AWindowRewrittenWithOtherRowsReplacesItsLine()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        writer.Write(FirstMinute());
        writer.Write(MinuteAt(Start.AddMinutes(1)));

        writer.Write(new ClosedWindow(T0, At(60), [GpuWithEverything], []));

        var partition = Partition(directory, "gpu-windows");
        var lines = File.ReadAllLines(Path.Combine(partition, "_manifest.jsonl"));
        Assert.HasCount(2, lines, "one line per file, the replaced one included");
        using var first = JsonDocument.Parse(lines[0]);
        Assert.AreEqual(1, first.RootElement.GetProperty("rows").GetInt64());
        var bytes = File.ReadAllBytes(Path.Combine(partition, "20260101T000000Z.parquet"));
        Assert.AreEqual(Convert.ToHexStringLower(SHA256.HashData(bytes)), first.RootElement.GetProperty("sha256").GetString());
        Assert.IsTrue(new LedgerReader(directory.Path).Verify().IsIntact);
    }

    [TestMethod]
    public void TheManifestIsReplacedWholeThroughATemporaryFile()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        writer.Write(FirstMinute());
        var partition = Partition(directory, "gpu-windows");
        // A crash between writing the temporary manifest and renaming it leaves this behind.
        File.WriteAllText(Path.Combine(partition, "._manifest.jsonl.tmp"), "{\"file\":\"half");

        writer.Write(MinuteAt(Start.AddMinutes(1)));

        Assert.IsFalse(File.Exists(Path.Combine(partition, "._manifest.jsonl.tmp")));
        Assert.HasCount(2, File.ReadAllLines(Path.Combine(partition, "_manifest.jsonl")));
        Assert.IsTrue(new LedgerReader(directory.Path).Verify().IsIntact);
    }

    [TestMethod]
    public void AManifestTheLedgerDidNotWriteStopsTheWriterAndStaysAsItWas()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        writer.Write(FirstMinute());
        var manifest = Path.Combine(Partition(directory, "gpu-windows"), "_manifest.jsonl");
        File.WriteAllText(manifest, "tampered\n");

        var error = Assert.Throws<InvalidDataException>(() => writer.Write(MinuteAt(Start.AddMinutes(1))));

        StringAssert.Contains(error.Message, manifest);
        Assert.AreEqual("tampered\n", File.ReadAllText(manifest));
        Assert.IsFalse(File.Exists(Path.Combine(Partition(directory, "gpu-windows"), "20260101T000100Z.parquet")), "nothing of the window is written");
    }

    private static string Partition(TempDirectory directory, string table) => Path.Combine(directory.Path, table, "date=2026-01-01");
}
