using Telemetry.Infra.Tests.Support;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// A container of one of our images as a compose file or a Kubernetes manifest runs it: the image's Dockerfile, what
/// the file puts in place of its ENTRYPOINT and CMD, and the environment variables it sets.
/// </summary>
/// <param name="Source">The file and service or workload, for messages.</param>
/// <param name="Dockerfile">The Dockerfile of its image, relative to the repository root.</param>
/// <param name="Entrypoint">What replaces the image's ENTRYPOINT (compose entrypoint, Kubernetes command); null to keep it.</param>
/// <param name="Arguments">What replaces the image's CMD (compose command, Kubernetes args); null to keep it.</param>
/// <param name="Environment">The variables it sets.</param>
internal sealed record Container(string Source, string Dockerfile, IReadOnlyList<string>? Entrypoint, IReadOnlyList<string>? Arguments, IReadOnlyList<string> Environment)
{
    /// <summary>The Dockerfile under infra/docker for an image or workload named <c>telemetry-NAME</c>; null when there is none.</summary>
    public static string? DockerfileFor(string? imageOrWorkload)
    {
        var name = imageOrWorkload?.Split('/')[^1].Split(':')[0].Split('@')[0];
        return name is not null && name.StartsWith("telemetry-", StringComparison.Ordinal)
            && File.Exists(RepositoryRoot.Combine("infra", "docker", name["telemetry-".Length..] + ".Dockerfile"))
            ? $"infra/docker/{name["telemetry-".Length..]}.Dockerfile"
            : null;
    }

    /// <summary>The command line the container runs: the image's, with this container's replacements.</summary>
    public IReadOnlyList<string> CommandLine(Dockerfile image) => [.. Entrypoint ?? image.Entrypoint ?? [], .. Arguments ?? image.Cmd];
}
