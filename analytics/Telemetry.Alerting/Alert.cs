using System.Collections.ObjectModel;

namespace Telemetry.Alerting;

/// <summary>
/// One alert: labels that identify it (and give its <see cref="Fingerprint"/>), annotations that explain it, and when it
/// started and, once resolved, ended. Immutable.
/// </summary>
public sealed class Alert
{
    /// <summary>Longest label or annotation value kept; longer values are cut, so that one odd name cannot bloat every payload.</summary>
    public const int MaxValueLength = 1024;

    /// <summary>An alert with these labels and annotations (copied and sorted by name; empty values dropped).</summary>
    /// <param name="labels">Identifying labels; must hold <see cref="AlertLabels.AlertName"/>.</param>
    /// <param name="annotations">Summary, description, action and the like.</param>
    /// <param name="startsAt">When the condition started (the start of its first window).</param>
    /// <param name="endsAt">When it was resolved; null while it fires.</param>
    /// <param name="generatorUrl">A link back to where the alert can be seen; empty when none is configured.</param>
    public Alert(
        IEnumerable<KeyValuePair<string, string>> labels,
        IEnumerable<KeyValuePair<string, string>> annotations,
        DateTimeOffset startsAt,
        DateTimeOffset? endsAt = null,
        string generatorUrl = "")
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(annotations);
        Labels = Sorted(labels);
        Annotations = Sorted(annotations);
        if (!Labels.ContainsKey(AlertLabels.AlertName))
        {
            throw new ArgumentException($"An alert needs the '{AlertLabels.AlertName}' label.", nameof(labels));
        }

        StartsAt = startsAt;
        EndsAt = endsAt;
        GeneratorUrl = generatorUrl ?? "";
        Fingerprint = AlertFingerprint.Of(Labels);
    }

    /// <summary>The labels, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>The annotations, sorted by name.</summary>
    public IReadOnlyDictionary<string, string> Annotations { get; }

    /// <summary>The value of <see cref="AlertLabels.AlertName"/>.</summary>
    public string Name => Labels[AlertLabels.AlertName];

    /// <summary>When the condition started.</summary>
    public DateTimeOffset StartsAt { get; }

    /// <summary>When the alert was resolved; null while it fires.</summary>
    public DateTimeOffset? EndsAt { get; }

    /// <summary>True once resolved.</summary>
    public bool IsResolved => EndsAt is not null;

    /// <summary>A link back to where the alert can be seen, or empty.</summary>
    public string GeneratorUrl { get; }

    /// <summary>Alertmanager's fingerprint of the labels: 16 hex digits.</summary>
    public string Fingerprint { get; }

    /// <summary>This alert, resolved at a time.</summary>
    public Alert Resolve(DateTimeOffset at) => new(Labels, Annotations, StartsAt, at, GeneratorUrl);

    private static ReadOnlyDictionary<string, string> Sorted(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in pairs)
        {
            if (!string.IsNullOrEmpty(value))
            {
                sorted[name] = value.Length <= MaxValueLength ? value : value[..MaxValueLength];
            }
        }

        return new ReadOnlyDictionary<string, string>(sorted);
    }
}
