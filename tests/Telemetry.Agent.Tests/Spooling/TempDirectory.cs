namespace Telemetry.Agent.Tests.Spooling;

/// <summary>A fresh directory under the system's temp path, deleted with everything in it on dispose.</summary>
internal sealed class TempDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "telemetry-agent-tests-" + Guid.NewGuid().ToString("N"));

    /// <summary>The spool's segment files, oldest first.</summary>
    public string[] Segments() => [.. Directory.GetFiles(Path, "*.seg").Order(StringComparer.Ordinal)];

    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
