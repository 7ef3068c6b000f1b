using System.Net;
using Spectre.Console;

namespace Telemetry.Cli.Commands;

/// <summary>
/// The address of the local HTTP host (API, web view, <c>/metrics</c>, <c>/healthz</c>, <c>/readyz</c>):
/// <c>--api-address</c>, else the <c>TELEMETRY_API_ADDRESS</c> environment variable, else loopback.
/// </summary>
internal static class ApiAddress
{
    /// <summary>The environment variable read when the flag is not given.</summary>
    public const string EnvironmentVariable = "TELEMETRY_API_ADDRESS";

    /// <summary>The option's help text, shared by the commands that serve the API.</summary>
    public const string Help = "Address the HTTP API, web view, /metrics, /healthz and /readyz listen on, e.g. 0.0.0.0 in a pod for probes and scrapes. Default: TELEMETRY_API_ADDRESS, else 127.0.0.1. The API has no authentication of its own: bind beyond loopback only on a trusted network.";

    /// <summary>The address to bind: the flag's, the environment's, or loopback; null when the one given is not an IP address.</summary>
    public static IPAddress? Resolve(string? flag)
    {
        var text = flag ?? Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(text) ? IPAddress.Loopback
            : IPAddress.TryParse(text.Trim(), out var address) ? address
            : null;
    }

    /// <summary>Refuses an address that is not an IP address, naming where it came from.</summary>
    public static ValidationResult Validate(string? flag) =>
        Resolve(flag) is not null ? ValidationResult.Success()
        : flag is not null ? ValidationResult.Error($"--api-address '{flag}' is not an IP address: give one like 127.0.0.1 (the default), 0.0.0.0 or ::.")
        : ValidationResult.Error($"{EnvironmentVariable} '{Environment.GetEnvironmentVariable(EnvironmentVariable)}' is not an IP address: set it to one like 127.0.0.1, 0.0.0.0 or ::, or unset it.");
}
