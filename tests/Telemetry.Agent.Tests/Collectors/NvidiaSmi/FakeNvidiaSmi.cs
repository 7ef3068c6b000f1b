using Telemetry.Agent.Collectors.NvidiaSmi;

namespace Telemetry.Agent.Tests.Collectors.NvidiaSmi;

/// <summary>
/// A shell script standing in for nvidia-smi (the hardware seam: there is no GPU here), in a fresh directory that is
/// deleted on dispose. The collector runs it as a real process.
/// </summary>
internal sealed class FakeNvidiaSmi : IDisposable
{
    public FakeNvidiaSmi(string script)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The fake nvidia-smi is a shell script.");
        }

        Directory.CreateDirectory(DirectoryPath);
        File.WriteAllText(ScriptPath, "#!/bin/sh\n" + script + "\n");
        File.SetUnixFileMode(ScriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public string DirectoryPath { get; } = Path.Combine(Path.GetTempPath(), "telemetry-nvidia-smi-" + Guid.NewGuid().ToString("N"));

    public string ScriptPath => Path.Combine(DirectoryPath, "nvidia-smi");

    public NvidiaSmiOptions Options(TimeSpan? timeout = null, int maxOutputBytes = 1024 * 1024) =>
        new() { Path = ScriptPath, Node = "gpu-node-042", Timeout = timeout ?? TimeSpan.FromSeconds(30), MaxOutputBytes = maxOutputBytes };

    public void Dispose() => Directory.Delete(DirectoryPath, recursive: true);
}
