namespace Telemetry.Agent.Collectors.Prometheus;

/// <summary>
/// Bounds on a Prometheus text page. Reading stops at the first one exceeded, so an endless or hostile page costs at
/// most about <see cref="MaxPageBytes"/> of input and one line buffer of <see cref="MaxLineBytes"/>.
/// </summary>
internal sealed record PrometheusLimits
{
    /// <summary>Longest page, in bytes. Default 8 MiB.</summary>
    public long MaxPageBytes { get; init; } = 8L * 1024 * 1024;

    /// <summary>Longest line, in bytes without its line feed. Default 64 KiB.</summary>
    public int MaxLineBytes { get; init; } = 64 * 1024;

    /// <summary>Most series (sample lines) on a page. Default 100,000.</summary>
    public int MaxSeries { get; init; } = 100_000;

    /// <summary>Most labels on one series. Default 64.</summary>
    public int MaxLabelsPerSeries { get; init; } = 64;

    /// <summary>Longest label value, in bytes after unescaping. Default 4 KiB.</summary>
    public int MaxLabelValueBytes { get; init; } = 4 * 1024;
}
