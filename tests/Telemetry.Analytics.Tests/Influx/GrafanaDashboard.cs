using System.Text.Json;

namespace Telemetry.Analytics.Tests.Influx;

/// <summary>A Grafana dashboard's JSON model, read for what the tests check: its panels, variables, queries and data sources.</summary>
internal sealed class GrafanaDashboard
{
    private GrafanaDashboard(string name, JsonElement root)
    {
        Name = name;
        Root = root;
    }

    /// <summary>The file name.</summary>
    public string Name { get; }

    public JsonElement Root { get; }

    public string? Uid => Text(Root, "uid");

    public string? Title => Text(Root, "title");

    public static GrafanaDashboard Load(string path) => Parse(Path.GetFileName(path), File.ReadAllText(path));

    public static GrafanaDashboard Parse(string name, string json) => new(name, JsonSerializer.Deserialize<JsonElement>(json));

    /// <summary>Every panel, those inside rows (collapsed or not) included, rows themselves too.</summary>
    public IEnumerable<JsonElement> Panels() => Flatten(Items(Root, "panels"));

    /// <summary>The template variables.</summary>
    public IEnumerable<JsonElement> Variables() =>
        Root.TryGetProperty("templating", out var templating) ? Items(templating, "list") : [];

    /// <summary>Every query: each panel target's and each query variable's.</summary>
    public IEnumerable<DashboardQuery> Queries()
    {
        foreach (var panel in Panels())
        {
            foreach (var target in Items(panel, "targets"))
            {
                if (Text(target, "query") is { } query)
                {
                    yield return new(Name, $"panel \"{Text(panel, "title")}\" target {Text(target, "refId")}", query);
                }
            }
        }

        foreach (var variable in Variables().Where(v => Text(v, "type") == "query"))
        {
            // Newer Grafana may keep a variable's query as an object holding the query text.
            var query = variable.TryGetProperty("query", out var q) && q.ValueKind == JsonValueKind.Object ? Text(q, "query") : Text(variable, "query");
            if (query is not null)
            {
                yield return new(Name, $"variable {Text(variable, "name")}", query);
            }
        }
    }

    /// <summary>Every "datasource" property anywhere in the dashboard, with its JSON path.</summary>
    public IEnumerable<(string Path, JsonElement DataSource)> DataSources() => DataSources("$", Root);

    public static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static IEnumerable<JsonElement> Items(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray()
            : [];

    private static IEnumerable<JsonElement> Flatten(IEnumerable<JsonElement> panels) =>
        panels.SelectMany(p => Flatten(Items(p, "panels")).Prepend(p));

    private static IEnumerable<(string, JsonElement)> DataSources(string path, JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => p.Name == "datasource"
            ? [($"{path}.datasource", p.Value)]
            : DataSources($"{path}.{p.Name}", p.Value)),
        JsonValueKind.Array => element.EnumerateArray().SelectMany((item, i) => DataSources($"{path}[{i}]", item)),
        _ => [],
    };
}
