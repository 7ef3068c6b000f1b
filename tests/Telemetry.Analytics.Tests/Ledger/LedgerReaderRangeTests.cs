using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Tests.Support;
using static Telemetry.Analytics.Tests.Support.LedgerSamples;

namespace Telemetry.Analytics.Tests.Ledger;

[TestClass]
public sealed class LedgerReaderRangeTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);

    [TestMethod]
    public void WindowsComeBackInTimeOrderAcrossDays()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        DateTimeOffset[] starts = [Day1.AddDays(1).AddMinutes(5), Day1.AddMinutes(59), Day1.AddDays(1), Day1.AddMinutes(1)];
        foreach (var start in starts)
        {
            writer.Write(MinuteAt(start));
        }

        var read = new LedgerReader(directory.Path).GpuWindows().Select(w => w.WindowStart).ToArray();

        CollectionAssert.AreEqual(starts.Select(s => s.ToUnixTimeMilliseconds()).Order().ToArray(), read);
    }

    [TestMethod]
    public void ARangeHoldsTheWindowsStartingFromItsStartAndBeforeItsEnd()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        for (var minute = 0; minute < 5; minute++)
        {
            writer.Write(MinuteAt(Day1.AddMinutes(minute)));
        }

        var reader = new LedgerReader(directory.Path);
        var gpus = reader.GpuWindows(Minute(1), Minute(3)).Select(w => w.WindowStart).ToArray();
        var jobs = reader.JobWindows(Minute(1), Minute(3)).Select(w => w.WindowStart).ToArray();

        CollectionAssert.AreEqual(new[] { Minute(1), Minute(2) }, gpus);
        CollectionAssert.AreEqual(new[] { Minute(1), Minute(2) }, jobs);
        Assert.IsEmpty(reader.GpuWindows(Minute(3), Minute(3)));
    }

    [TestMethod]
    public void DaysOutsideTheRangeAreNotOpened()
    {
        using var directory = new TempDirectory();
        var writer = new LedgerWriter(directory.Path);
        writer.Write(MinuteAt(Day1.AddDays(-1).AddHours(23)));
        writer.Write(MinuteAt(Day1.AddHours(12)));
        writer.Write(MinuteAt(Day1.AddDays(1)));
        // Files that would fail to read if the reader opened them: only their day's name keeps them out.
        foreach (var day in new[] { "date=2026-02-28", "date=2026-03-02" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(directory.Path, "gpu-windows", day), "*.parquet"))
            {
                File.WriteAllText(file, "not Parquet");
            }
        }

        var reader = new LedgerReader(directory.Path);
        var read = reader.GpuWindows(Day1.ToUnixTimeMilliseconds(), Day1.AddDays(1).ToUnixTimeMilliseconds()).ToArray();

        Assert.AreEqual(Day1.AddHours(12).ToUnixTimeMilliseconds(), Assert.ContainsSingle(read).WindowStart);
        Assert.Throws<InvalidDataException>(() => reader.GpuWindows().ToArray(), "the whole ledger does open them");
    }

    [TestMethod]
    public void OnlyWindowFilesOfDayPartitionsAreRead()
    {
        using var directory = new TempDirectory();
        new LedgerWriter(directory.Path).Write(MinuteAt(Day1));
        var table = Path.Combine(directory.Path, "gpu-windows");
        File.WriteAllText(Path.Combine(table, "20260301T000000Z.arrow"), "a file of the Arrow IPC layout");
        Directory.CreateDirectory(Path.Combine(table, "scratch"));
        File.WriteAllText(Path.Combine(table, "scratch", "20260301T000100Z.parquet"), "not in a day partition");
        File.WriteAllText(Path.Combine(table, "date=2026-03-01", "notes.parquet"), "not a window file name");

        var files = new LedgerReader(directory.Path).Files("gpu-windows");

        Assert.AreEqual(Path.Combine(table, "date=2026-03-01", "20260301T000000Z.parquet"), Assert.ContainsSingle(files));
    }

    private static long Minute(int minute) => Day1.AddMinutes(minute).ToUnixTimeMilliseconds();
}
