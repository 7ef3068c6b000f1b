using System.Security.Cryptography;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.LedgerSamples;

namespace Telemetry.Analytics.Tests.Ledger;

[TestClass]
public sealed class LedgerLayoutTests
{
    private static readonly DateTimeOffset LastMinuteOfMarch1 = new(2026, 3, 1, 23, 59, 0, TimeSpan.Zero);

    [TestMethod]
    public void WindowsGoToTheDailyPartitionOfTheirUtcStart()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);

        writer.Write(MinuteAt(LastMinuteOfMarch1));
        writer.Write(MinuteAt(LastMinuteOfMarch1.AddMinutes(1)));

        var files = new LedgerReader(directory.Path).Files("gpu-windows").Select(f => Path.GetRelativePath(directory.Path, f).Replace('\\', '/')).ToArray();
        CollectionAssert.AreEqual(
            new[] { "gpu-windows/date=2026-03-01/20260301T235900Z.parquet", "gpu-windows/date=2026-03-02/20260302T000000Z.parquet" },
            files);
        Assert.IsTrue(File.Exists(Path.Combine(directory.Path, "job-windows", "date=2026-03-02", "20260302T000000Z.parquet")));
    }

    [TestMethod]
    public void ThePartitionIsTheUtcDateWhateverTheOffsetTheStartWasGivenIn()
    {
        var start = new DateTimeOffset(2026, 3, 1, 20, 30, 0, TimeSpan.FromHours(-5)).ToUnixTimeMilliseconds();

        Assert.AreEqual(Path.Combine("gpu-windows", "date=2026-03-02", "20260302T013000Z.parquet"), LedgerWriter.RelativePath("gpu-windows", start));
    }

    [TestMethod]
    public void FolderReadersSeeOnlyParquetFilesBecauseTheManifestsNameStartsWithAnUnderscore()
    {
        using var directory = new TempDirectory();

        new LedgerWriter(directory.Path).Write(FirstMinute());

        // pyarrow datasets and Spark skip names that start with '_' or '.'; every other file must be Parquet.
        var files = Directory.GetFiles(directory.Path, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToArray();
        Assert.HasCount(4, files);
        Assert.IsTrue(files.All(f => f!.EndsWith(".parquet", StringComparison.Ordinal) || f == "_manifest.jsonl"), string.Join(", ", files));
    }

    [TestMethod]
    public void WritingTheSameWindowAgainGivesTheSameBytes()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        writer.Write(FirstMinute());
        var before = HashAll(directory.Path);

        writer.Write(FirstMinute());

        CollectionAssert.AreEqual(before, HashAll(directory.Path));
    }

    [TestMethod]
    public void TwoLedgersOfTheSameWindowsAreByteForByteTheSame()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();

        new LedgerWriter(first.Path).Write(FirstMinute());
        new LedgerWriter(second.Path).Write(FirstMinute());

        var hashes = HashAll(first.Path);
        Assert.HasCount(4, hashes, "two window files and two manifests");
        CollectionAssert.AreEqual(hashes, HashAll(second.Path));
    }

    private static string[] HashAll(string root) =>
        [.. Directory.GetFiles(root, "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(f => Path.GetRelativePath(root, f) + " " + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))))];
}
