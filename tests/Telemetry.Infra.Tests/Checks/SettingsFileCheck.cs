using System.Text.Json;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// A JSON settings file (an aggregator's --config, a ConfigMap's data) checked key by key against what its host binds.
/// Keys are flattened as Microsoft.Extensions.Configuration.Json does: objects nest with ':', arrays by index.
/// </summary>
internal static class SettingsFileCheck
{
    /// <summary>Every key of <paramref name="json"/> that binds nothing in <paramref name="schema"/>, each naming the file.</summary>
    public static IReadOnlyList<string> Problems(string name, string json, ConfigurationSchema schema)
    {
        using var document = JsonDocument.Parse(json);
        return [.. Keys(document.RootElement, "").Select(schema.Problem).OfType<string>().Select(p => $"{name}: {p}")];
    }

    /// <summary>The configuration keys of the leaves under <paramref name="element"/>.</summary>
    public static IEnumerable<string> Keys(JsonElement element, string prefix) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Keys(p.Value, Join(prefix, p.Name))),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((item, i) => Keys(item, Join(prefix, i.ToString(System.Globalization.CultureInfo.InvariantCulture)))),
        _ => [prefix],
    };

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}:{name}";
}
