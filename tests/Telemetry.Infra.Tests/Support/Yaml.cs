using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Telemetry.Infra.Tests.Support;

/// <summary>Reading YAML as Compose and Kubernetes do: every document of a stream, with anchors and merge keys resolved.</summary>
internal static class Yaml
{
    /// <summary>The root node of every document in <paramref name="text"/>.</summary>
    /// <exception cref="YamlException">The text is not valid YAML; the message says where.</exception>
    public static IReadOnlyList<YamlNode> Documents(string text)
    {
        var stream = new YamlStream();
        stream.Load(new MergingParser(new Parser(new StringReader(text))));
        return [.. stream.Documents.Select(d => d.RootNode)];
    }

    /// <summary>The value under <paramref name="key"/> of a mapping; null when absent or when the node is no mapping.</summary>
    public static YamlNode? Get(this YamlNode? node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var value) ? value : null;

    /// <summary>The text of a scalar node; null for anything else.</summary>
    public static string? Text(this YamlNode? node) => (node as YamlScalarNode)?.Value;

    /// <summary>The items of a sequence node; empty for anything else.</summary>
    public static IEnumerable<YamlNode> Items(this YamlNode? node) => node is YamlSequenceNode list ? list.Children : [];

    /// <summary>The entries of a mapping node, keyed by their scalar keys; empty for anything else.</summary>
    public static IEnumerable<KeyValuePair<string, YamlNode>> Entries(this YamlNode? node) =>
        node is YamlMappingNode map
            ? map.Children.Where(c => c.Key is YamlScalarNode { Value: not null }).Select(c => new KeyValuePair<string, YamlNode>(((YamlScalarNode)c.Key).Value!, c.Value))
            : [];
}
