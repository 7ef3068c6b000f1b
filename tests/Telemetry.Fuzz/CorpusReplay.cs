namespace Telemetry.Fuzz;

/// <summary>Runs every file of a corpus folder through a target without AFL: the short run CI makes, and how a finding is replayed.</summary>
internal static class CorpusReplay
{
    /// <summary>The folder of a target's seed corpus, beside the assembly.</summary>
    public static string SeedCorpus(IFuzzTarget target) => Path.Combine(AppContext.BaseDirectory, "corpus", target.Name);

    /// <summary>Runs each file of <paramref name="directory"/> (and its subfolders) through <paramref name="target"/>.</summary>
    /// <returns>How many files ran, and each one that escaped the target with an undocumented exception.</returns>
    public static (int Files, IReadOnlyList<(string File, Exception Error)> Findings) Run(IFuzzTarget target, string directory)
    {
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var findings = new List<(string, Exception)>();
        foreach (var file in files)
        {
            try
            {
                target.Run(File.ReadAllBytes(file));
            }
#pragma warning disable CA1031 // Every escaping exception is a finding to report, whatever its type.
            catch (Exception e)
#pragma warning restore CA1031
            {
                findings.Add((file, e));
            }
        }

        return (files.Count, findings);
    }
}
