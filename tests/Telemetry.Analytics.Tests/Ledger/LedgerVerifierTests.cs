using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.LedgerSamples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Ledger;

[TestClass]
public sealed class LedgerVerifierTests
{
    private const string FirstGpuFile = "gpu-windows/date=2026-01-01/20260101T000000Z.parquet";

    [TestMethod]
    public void ALedgerAsWrittenIsIntact()
    {
        using var directory = Ledger();

        var verification = new LedgerReader(directory.Path).Verify();

        Assert.IsTrue(verification.IsIntact, string.Join(", ", verification.Missing.Concat(verification.Extra).Concat(verification.Altered)));
        Assert.AreEqual(6, verification.FilesChecked, "three windows, two tables");
    }

    [TestMethod]
    public void OneAlteredByteIsFound()
    {
        using var directory = Ledger();
        var path = Path.Combine(directory.Path, FirstGpuFile);
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);

        var verification = new LedgerReader(directory.Path).Verify();

        CollectionAssert.AreEqual(new[] { FirstGpuFile }, verification.Altered.ToArray());
        Assert.IsEmpty(verification.Missing);
        Assert.IsEmpty(verification.Extra);
        Assert.IsFalse(verification.IsIntact);
    }

    [TestMethod]
    public void ADeletedFileIsMissing()
    {
        using var directory = Ledger();
        File.Delete(Path.Combine(directory.Path, FirstGpuFile));

        var verification = new LedgerReader(directory.Path).Verify();

        CollectionAssert.AreEqual(new[] { FirstGpuFile }, verification.Missing.ToArray());
        Assert.IsEmpty(verification.Altered);
        Assert.AreEqual(5, verification.FilesChecked);
    }

    [TestMethod]
    public void AFileNoManifestNamesIsExtra()
    {
        using var directory = Ledger();
        var planted = Path.Combine(directory.Path, FirstGpuFile.Replace("000000Z", "000500Z", StringComparison.Ordinal));
        File.Copy(Path.Combine(directory.Path, FirstGpuFile), planted);

        var verification = new LedgerReader(directory.Path).Verify();

        CollectionAssert.AreEqual(new[] { "gpu-windows/date=2026-01-01/20260101T000500Z.parquet" }, verification.Extra.ToArray());
        Assert.IsEmpty(verification.Missing);
        Assert.IsEmpty(verification.Altered);
    }

    [TestMethod]
    public void ATamperedManifestIsAlteredAndLeavesItsFilesUnvouchedFor()
    {
        using var directory = Ledger();
        File.WriteAllText(Path.Combine(directory.Path, "job-windows", "date=2026-01-01", "_manifest.jsonl"), "{\"file\":\"x\"}\n");

        var verification = new LedgerReader(directory.Path).Verify();

        CollectionAssert.AreEqual(new[] { "job-windows/date=2026-01-01/_manifest.jsonl" }, verification.Altered.ToArray());
        Assert.HasCount(3, verification.Extra);
        Assert.AreEqual(3, verification.FilesChecked, "the GPU partition still checks");
    }

    [TestMethod]
    public void APartitionWithoutItsManifestIsMissingTheManifest()
    {
        using var directory = Ledger();
        File.Delete(Path.Combine(directory.Path, "gpu-windows", "date=2026-01-01", "_manifest.jsonl"));

        var verification = new LedgerReader(directory.Path).Verify();

        CollectionAssert.AreEqual(new[] { "gpu-windows/date=2026-01-01/_manifest.jsonl" }, verification.Missing.ToArray());
        Assert.HasCount(3, verification.Extra);
    }

    [TestMethod]
    public void VerifyingALedgerThatIsNotThereFails()
    {
        using var directory = new TempDirectory();

        Assert.Throws<DirectoryNotFoundException>(() => new LedgerReader(directory.Path).Verify());
    }

    private static TempDirectory Ledger()
    {
        var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        writer.Write(FirstMinute());
        writer.Write(MinuteAt(Start.AddMinutes(1)));
        writer.Write(MinuteAt(Start.AddMinutes(2)));
        return directory;
    }
}
