namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>A <c># HELP</c> or <c># TYPE</c> line: one of <paramref name="Type"/> and <paramref name="Help"/> is set.</summary>
/// <param name="Family">The metric family it describes.</param>
/// <param name="Type">The family's type, from a TYPE line.</param>
/// <param name="Help">The family's docstring, unescaped, from a HELP line.</param>
internal readonly record struct PrometheusMetadata(string Family, PrometheusMetricType? Type, string? Help);
