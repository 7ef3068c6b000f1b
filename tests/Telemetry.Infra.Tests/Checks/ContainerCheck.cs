using System.Text.RegularExpressions;
using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// What a container of ours must be: a command line the CLI accepts, and only environment variables that something
/// reads: the CLI by name (TELEMETRY_KAFKA_BOOTSTRAP), the command's configuration (TELEMETRY_Section__Key, bound to a
/// real property), the .NET runtime (DOTNET_), the NVIDIA container runtime, or Kubernetes substituting $(NAME) in the
/// container's own command line.
/// </summary>
internal static partial class ContainerCheck
{
    private static readonly HashSet<string> ContainerRuntime = new(StringComparer.Ordinal) { "NVIDIA_VISIBLE_DEVICES", "NVIDIA_DRIVER_CAPABILITIES" };

    /// <summary>Every problem with <paramref name="container"/>, each naming its source.</summary>
    public static IReadOnlyList<string> Problems(Container container, CliModel cli)
    {
        var image = Dockerfile.Parse(container.Dockerfile, InfraFiles.Read(container.Dockerfile));
        var command = container.CommandLine(image);
        if (DockerfileCheck.TelemetryArguments(command) is not { } arguments)
        {
            return [$"{container.Source}: runs '{string.Join(' ', command)}', not the telemetry CLI"];
        }

        var line = CommandLine.Parse(arguments, container.Source, cli);
        var substituted = command.SelectMany(a => Substitution().Matches(a)).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        return [.. line.Problems, .. container.Environment.Select(v => Problem(v, line, substituted)).OfType<string>().Select(p => $"{container.Source}: {p}")];
    }

    /// <summary>Why nothing in a container running <paramref name="line"/> reads <paramref name="variable"/>; null when something does.</summary>
    public static string? Problem(string variable, CommandLine line, IReadOnlySet<string> substituted)
    {
        if (TelemetrySettings.ReadByName.Contains(variable) || substituted.Contains(variable) || ContainerRuntime.Contains(variable)
            || variable.StartsWith("DOTNET_", StringComparison.Ordinal))
        {
            return null;
        }

        if (!variable.StartsWith(TelemetrySettings.Prefix, StringComparison.Ordinal))
        {
            return $"{variable} is read by neither the telemetry CLI nor the runtimes";
        }

        var key = variable[TelemetrySettings.Prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
        return TelemetrySettings.ByCommand.TryGetValue(line.Path, out var schema)
            ? schema.Problem(key) is { } problem ? $"{variable}: {problem}" : null
            : $"{variable}: 'telemetry {line.Path}' reads no {TelemetrySettings.Prefix} settings besides {string.Join(", ", TelemetrySettings.ReadByName.Where(v => v.StartsWith(TelemetrySettings.Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))}";
    }

    // Kubernetes replaces $(NAME) in command and args with the container's variable NAME.
    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Substitution();
}
