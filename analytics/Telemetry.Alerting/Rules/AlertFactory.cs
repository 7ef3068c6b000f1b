namespace Telemetry.Alerting.Rules;

/// <summary>Builds alerts with the common labels and annotations (runbook and generator links from the rules' settings).</summary>
internal sealed class AlertFactory(AlertRules rules)
{
    private readonly string _generatorUrl = rules.GeneratorUrl?.AbsoluteUri ?? "";

    /// <summary>An alert with these labels (null values left out).</summary>
    public Alert Create(string name, string severity, DateTimeOffset startsAt, AlertText text, params ReadOnlySpan<(string Name, string? Value)> labels)
    {
        var all = new List<KeyValuePair<string, string>>(labels.Length + 2)
        {
            new(AlertLabels.AlertName, name),
            new(AlertLabels.Severity, severity),
        };
        foreach (var (label, value) in labels)
        {
            if (value is not null)
            {
                all.Add(new(label, value));
            }
        }

        List<KeyValuePair<string, string>> annotations =
        [
            new(AlertAnnotations.Summary, text.Summary),
            new(AlertAnnotations.Description, text.Description),
            new(AlertAnnotations.Action, text.Action),
        ];
        if (rules.RunbookBaseUrl is { } runbook)
        {
            annotations.Add(new(AlertAnnotations.RunbookUrl, $"{runbook.AbsoluteUri}#{name.ToLowerInvariant()}"));
        }

        return new Alert(all, annotations, startsAt, null, _generatorUrl);
    }

    /// <summary>An alert about a GPU: node, gpu, and the job and its team where one held it.</summary>
    public Alert ForGpu(string name, string severity, DateTimeOffset startsAt, AlertText text, GpuRef gpu, string? team, (string Name, string? Value) extra = default) =>
        Create(name, severity, startsAt, text,
            (AlertLabels.Node, gpu.Node),
            (AlertLabels.Gpu, gpu.Label),
            (AlertLabels.Job, gpu.JobId),
            (AlertLabels.Team, team),
            (extra.Name ?? "", extra.Name is null ? null : extra.Value));

    /// <summary>Unix milliseconds as a time.</summary>
    public static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);
}
