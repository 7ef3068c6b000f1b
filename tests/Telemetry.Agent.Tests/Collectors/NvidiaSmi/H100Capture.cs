namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

/// <summary>
/// The real H100 capture in <c>Fixtures/</c>, read as it is. It is made of sections, each opened by a rule of
/// <c>#</c>, a <c># title</c> line, the command line and another rule; a section's output runs to the next rule.
/// </summary>
internal static class H100Capture
{
    public const string IdleQueryGpu = "idle :: query-gpu (csv, what the exporter parses)";
    public const string LoadQueryGpu = "load :: query-gpu (csv, what the exporter parses)";
    public const string IdleDmon = "idle :: dmon (per-device monitor, incl. PCIe rx/tx)";
    public const string LoadDmon = "load :: dmon (per-device monitor, incl. PCIe rx/tx)";

    private const string Rule = "################";

    private static readonly string[] Lines =
        File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Fixtures", "nvidia-smi-h100-query-gpu-and-dmon.txt"));

    /// <summary>The output lines of the section with this title, joined as the command printed them.</summary>
    public static string Section(string title)
    {
        var heading = Array.IndexOf(Lines, "# " + title);
        if (heading < 0)
        {
            throw new InvalidOperationException($"The capture has no section '{title}'.");
        }

        var start = Array.FindIndex(Lines, heading, line => line.StartsWith(Rule, StringComparison.Ordinal)) + 1;
        var end = Array.FindIndex(Lines, start, line => line.StartsWith(Rule, StringComparison.Ordinal));
        return string.Join('\n', Lines[start..(end < 0 ? Lines.Length : end)]);
    }
}
