namespace Telemetry.Infra.Tests.Support;

/// <summary>The deployment files under infra/, as the tests read them.</summary>
internal static class InfraFiles
{
    public static string Infra => RepositoryRoot.Combine("infra");

    /// <summary>Every YAML file under infra/, as paths relative to the repository root.</summary>
    public static IReadOnlyList<string> Yaml() => Find("*.yaml", "*.yml");

    /// <summary>Every JSON file under infra/, as paths relative to the repository root.</summary>
    public static IReadOnlyList<string> Json() => Find("*.json");

    /// <summary>Every Dockerfile under infra/docker, as paths relative to the repository root.</summary>
    public static IReadOnlyList<string> Dockerfiles() => Find("*.Dockerfile");

    /// <summary>The text of a file given relative to the repository root.</summary>
    public static string Read(string relativePath) => File.ReadAllText(RepositoryRoot.Combine(relativePath));

    private static List<string> Find(params string[] patterns) =>
        [.. patterns
            .SelectMany(p => Directory.EnumerateFiles(Infra, p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];
}
