namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>One label of a series, its value unescaped.</summary>
/// <param name="Name">Label name.</param>
/// <param name="Value">Label value.</param>
internal readonly record struct PrometheusLabel(string Name, string Value);
