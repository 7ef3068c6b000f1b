namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>A metric family's type, from its <c># TYPE</c> line.</summary>
internal enum PrometheusMetricType
{
    /// <summary><c>untyped</c>, and the type of a family without a TYPE line.</summary>
    Untyped,
    /// <summary><c>counter</c>.</summary>
    Counter,
    /// <summary><c>gauge</c>.</summary>
    Gauge,
    /// <summary><c>histogram</c>.</summary>
    Histogram,
    /// <summary><c>summary</c>.</summary>
    Summary,
}
