using System.Text;

namespace Telemetry.Alerting.Routing;

/// <summary>
/// One aggregation group: its alerts by fingerprint, when it is next flushed, and what was last notified (Alertmanager's
/// notification log entry), which decides whether a flush notifies.
/// </summary>
internal sealed class AlertGroup(string key, IReadOnlyDictionary<string, string> labels, DateTimeOffset firstFlush)
{
    public string Key => key;

    public IReadOnlyDictionary<string, string> Labels => labels;

    public Dictionary<string, Alert> Alerts { get; } = new(StringComparer.Ordinal);

    public DateTimeOffset NextFlush { get; set; } = firstFlush;

    public DateTimeOffset? LastNotified { get; set; }

    public HashSet<string> LastFiring { get; set; } = new(StringComparer.Ordinal);

    public HashSet<string> LastResolved { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The group labels of an alert: the grouped-by labels it has.</summary>
    public static SortedDictionary<string, string> LabelsOf(Alert alert, IReadOnlyList<string> groupBy)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in groupBy)
        {
            if (alert.Labels.TryGetValue(name, out var value))
            {
                labels[name] = value;
            }
        }

        return labels;
    }

    /// <summary>Alertmanager's group key for the root route: <c>{}:{alertname="X", node="Y"}</c>, values quoted as Go's %q does.</summary>
    public static string KeyOf(IReadOnlyDictionary<string, string> labels)
    {
        var key = new StringBuilder("{}:{");
        var first = true;
        foreach (var (name, value) in labels)
        {
            key.Append(first ? "" : ", ").Append(name).Append("=\"");
            foreach (var c in value)
            {
                key.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '\n' => "\\n",
                    _ => c.ToString(),
                });
            }

            key.Append('"');
            first = false;
        }

        return key.Append('}').ToString();
    }
}
