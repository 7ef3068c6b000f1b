namespace Telemetry.Agent.Tests.Collectors;

/// <summary>Real collector output copied from <c>../shared/fixtures/</c> into the test output.</summary>
internal static class CollectorFixtures
{
    /// <summary>A full dcgm-exporter page of an idle L40S with the default counters.</summary>
    public const string DcgmExporterL40s = "dcgm-exporter-l40s-idle-default-counters.txt";

    /// <summary>Where a fixture lies in the test output.</summary>
    public static string PathOf(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>A fixture's bytes as they are.</summary>
    public static byte[] Bytes(string name) => File.ReadAllBytes(PathOf(name));
}
