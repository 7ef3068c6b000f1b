using Telemetry.Infra.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>A compose file's services, read for the checks.</summary>
internal sealed class ComposeFile
{
    private ComposeFile(string name, string directory, YamlNode root)
    {
        Name = name;
        Directory = directory;
        Services = root.Get("services").Entries().ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);
    }

    /// <summary>The file, for messages.</summary>
    public string Name { get; }

    /// <summary>Its folder relative to the repository root: relative paths in it resolve from here.</summary>
    public string Directory { get; }

    /// <summary>The services by name.</summary>
    public IReadOnlyDictionary<string, YamlNode> Services { get; }

    /// <summary>Reads a compose file given relative to the repository root, or its <paramref name="text"/> in place of it.</summary>
    public static ComposeFile Load(string relativePath, string? text = null) =>
        new(relativePath, Path.GetDirectoryName(relativePath)!.Replace('\\', '/'), Yaml.Documents(text ?? InfraFiles.Read(relativePath))[0]);

    /// <summary>The environment of a service: a mapping or a list of KEY=VALUE, as compose takes both.</summary>
    public static IReadOnlyDictionary<string, string> Environment(YamlNode service)
    {
        var environment = service.Get("environment");
        return environment is YamlSequenceNode
            ? environment.Items().Select(i => i.Text()!.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal)
            : environment.Entries().ToDictionary(e => e.Key, e => e.Value.Text() ?? "", StringComparer.Ordinal);
    }

    /// <summary>The services built from one of our Dockerfiles, as containers.</summary>
    public IEnumerable<Container> Containers()
    {
        foreach (var (name, service) in Services)
        {
            var build = service.Get("build");
            var context = build.Get("context").Text() ?? build.Text();
            var dockerfile = build.Get("dockerfile").Text() ?? "Dockerfile";
            if (context is null)
            {
                continue;
            }

            var path = Path.GetRelativePath(RepositoryRoot.Path, Path.GetFullPath(Path.Combine(RepositoryRoot.Path, Directory, context, dockerfile))).Replace('\\', '/');
            yield return new Container($"{Name} service {name}", path, List(service.Get("entrypoint")), List(service.Get("command")), [.. Environment(service).Keys]);
        }
    }

    /// <summary>Resolves a service's path (a volume source) against the compose file's folder, relative to the repository root.</summary>
    public string Resolve(string path) =>
        Path.GetRelativePath(RepositoryRoot.Path, Path.GetFullPath(Path.Combine(RepositoryRoot.Path, Directory, path))).Replace('\\', '/');

    private static List<string>? List(YamlNode? node) => node switch
    {
        null => null,
        YamlSequenceNode => [.. node.Items().Select(i => i.Text() ?? "")],
        _ => [.. (node.Text() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)],
    };
}
