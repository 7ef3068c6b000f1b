namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>What a finished run of nvidia-smi printed.</summary>
/// <param name="ExitCode">The exit status.</param>
/// <param name="StandardOutput">All of standard output.</param>
/// <param name="StandardError">The start of standard error, up to a few kilobytes.</param>
internal sealed record ProcessOutput(int ExitCode, string StandardOutput, string StandardError);
