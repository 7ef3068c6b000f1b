namespace Telemetry.Fuzz.Tests;

/// <summary>
/// The short fuzz run of CI: every seed of every target's corpus through its target, without AFL. A seed that escapes
/// its target with an undocumented exception, or leaves a parser in a state its contract rules out, fails the run.
/// </summary>
[TestClass]
public sealed class SeedCorpusReplayTests
{
    public static IEnumerable<object[]> Targets => FuzzTargets.All.Select(t => new object[] { t.Name });

    [TestMethod]
    [DynamicData(nameof(Targets))]
    public void EverySeedRunsThroughItsTargetWithoutAFinding(string name)
    {
        var target = FuzzTargets.Find(name)!;

        var (files, findings) = CorpusReplay.Run(target, CorpusReplay.SeedCorpus(target));

        Assert.IsGreaterThanOrEqualTo(8, files, $"the {name} corpus holds its seeds");
        Assert.IsEmpty(findings, string.Join(Environment.NewLine, findings.Select(f => $"{Path.GetFileName(f.File)}: {f.Error}")));
    }

    [TestMethod]
    public void TheReplayCommandReplaysEverySeedCorpusAndSaysSo()
    {
        using var output = new StringWriter();

        var exit = FuzzCommand.Run(["--replay-seeds"], output);

        Assert.AreEqual(0, exit, output.ToString());
        foreach (var target in FuzzTargets.All)
        {
            Assert.Contains($"{target.Name}: ", output.ToString());
            Assert.DoesNotContain($"{target.Name}: {CorpusReplay.SeedCorpus(target)}", output.ToString(), "no seed is reported as a finding");
        }
    }

    [TestMethod]
    public void AnUnknownTargetIsAUsageError()
    {
        using var output = new StringWriter();

        var exit = FuzzCommand.Run(["no-such-target"], output);

        Assert.AreEqual(2, exit);
        Assert.Contains("prometheus, nvidia-smi, arrow, events, api-query, config", output.ToString());
    }

    [TestMethod]
    public void AReplayedCrashIsReportedAsAFinding()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "telemetry-fuzz-" + Guid.NewGuid().ToString("N")));
        try
        {
            File.WriteAllBytes(Path.Combine(directory.FullName, "crash"), [1, 2, 3]);

            var (files, findings) = CorpusReplay.Run(new ThrowingTarget(), directory.FullName);

            Assert.AreEqual(1, files);
            Assert.IsInstanceOfType<InvalidOperationException>(Assert.ContainsSingle(findings).Error);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private sealed class ThrowingTarget : IFuzzTarget
    {
        public string Name => "throwing";

        public void Run(ReadOnlySpan<byte> input) => throw new InvalidOperationException("an undocumented exception");
    }
}
