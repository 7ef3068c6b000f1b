using SharpFuzz;

namespace Telemetry.Fuzz;

/// <summary>
/// The command line: <c>TARGET</c> runs the target under AFL (through SharpFuzz); <c>--replay DIR TARGET</c> runs
/// every file of DIR through it without AFL; <c>--replay-seeds</c> replays each target's seed corpus.
/// </summary>
internal static class FuzzCommand
{
    /// <summary>Runs the command; 0 when nothing escaped, 1 on a finding, 2 on a usage error.</summary>
    public static int Run(string[] args, TextWriter output)
    {
        switch (args)
        {
            case [var name] when FuzzTargets.Find(name) is { } target:
                Fuzzer.OutOfProcess.Run(stream => target.Run(ReadAll(stream)));
                return 0;
            case ["--replay", var directory, var name] when FuzzTargets.Find(name) is { } target && Directory.Exists(directory):
                return Report(output, target, CorpusReplay.Run(target, directory));
            case ["--replay-seeds"]:
                return FuzzTargets.All.Select(t => Report(output, t, CorpusReplay.Run(t, CorpusReplay.SeedCorpus(t)))).Max();
            default:
                output.WriteLine($"usage: Telemetry.Fuzz TARGET | --replay DIR TARGET | --replay-seeds");
                output.WriteLine($"targets: {string.Join(", ", FuzzTargets.All.Select(t => t.Name))}");
                return 2;
        }
    }

    private static int Report(TextWriter output, IFuzzTarget target, (int Files, IReadOnlyList<(string File, Exception Error)> Findings) replay)
    {
        foreach (var (file, error) in replay.Findings)
        {
            output.WriteLine($"{target.Name}: {file}: {error}");
        }

        output.WriteLine($"{target.Name}: {replay.Files} inputs, {replay.Findings.Count} findings");
        return replay.Findings.Count == 0 ? 0 : 1;
    }

    private static byte[] ReadAll(Stream stream)
    {
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
