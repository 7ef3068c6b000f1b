using Telemetry.Agent.Collectors.Prometheus;

namespace Telemetry.Agent.Collectors.DcgmExporter;

/// <summary>Where the dcgm-exporter collector scrapes, and the bounds it holds a page to.</summary>
public sealed class DcgmExporterOptions
{
    /// <summary>The exporter's metrics page. Default <c>http://localhost:9400/metrics</c>, dcgm-exporter's own default.</summary>
    public Uri Url { get; set; } = new("http://localhost:9400/metrics");

    /// <summary>Longest a whole collection may take, connection, headers and body together. Default 5 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Largest page accepted, in bytes. Default 8 MiB: a node of 8 GPUs with every DCGM field is well under 1 MiB.</summary>
    public long MaxPageBytes { get; set; } = 8L * 1024 * 1024;

    /// <summary>Longest line accepted, in bytes. Default 64 KiB.</summary>
    public int MaxLineBytes { get; set; } = 64 * 1024;

    /// <summary>Most series accepted on a page. Default 100,000.</summary>
    public int MaxSeries { get; set; } = 100_000;

    /// <summary>Most labels accepted on one series. Default 64.</summary>
    public int MaxLabelsPerSeries { get; set; } = 64;

    /// <summary>Longest label value accepted, in bytes. Default 4 KiB.</summary>
    public int MaxLabelValueBytes { get; set; } = 4 * 1024;

    /// <summary>
    /// Most GPUs and MIG instances accepted on a page. Default 1024; a node of 16 GPUs with 7 MIG instances each has 128.
    /// It bounds the readings a hostile page can make the collector hold.
    /// </summary>
    public int MaxGpus { get; set; } = 1024;

    /// <summary>Node name for series without a <c>Hostname</c> or <c>hostname</c> label. Default the machine name.</summary>
    public string Node { get; set; } = Environment.MachineName;

    /// <summary>Throws when a setting is unusable; the message names the setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public void Validate()
    {
        Require(Url is { IsAbsoluteUri: true } && (Url.Scheme == Uri.UriSchemeHttp || Url.Scheme == Uri.UriSchemeHttps),
            nameof(Url), $"must be an absolute http or https URL, not '{Url}'");
        Require(Timeout > TimeSpan.Zero && Timeout <= TimeSpan.FromMinutes(10), nameof(Timeout), $"must be above 0 and at most 10 minutes, not {Timeout}");
        Require(MaxPageBytes > 0, nameof(MaxPageBytes), $"must be positive, not {MaxPageBytes}");
        Require(MaxLineBytes is > 0 and <= 16 * 1024 * 1024, nameof(MaxLineBytes), $"must be between 1 and 16 MiB, not {MaxLineBytes}");
        Require(MaxSeries > 0, nameof(MaxSeries), $"must be positive, not {MaxSeries}");
        Require(MaxLabelsPerSeries > 0, nameof(MaxLabelsPerSeries), $"must be positive, not {MaxLabelsPerSeries}");
        Require(MaxLabelValueBytes > 0, nameof(MaxLabelValueBytes), $"must be positive, not {MaxLabelValueBytes}");
        Require(MaxGpus > 0, nameof(MaxGpus), $"must be positive, not {MaxGpus}");
        Require(!string.IsNullOrWhiteSpace(Node), nameof(Node), "must not be empty");
    }

    internal PrometheusLimits Limits() => new()
    {
        MaxPageBytes = MaxPageBytes,
        MaxLineBytes = MaxLineBytes,
        MaxSeries = MaxSeries,
        MaxLabelsPerSeries = MaxLabelsPerSeries,
        MaxLabelValueBytes = MaxLabelValueBytes,
    };

    private static void Require(bool valid, string setting, string problem)
    {
        if (!valid)
        {
            throw new ArgumentException($"DcgmExporter:{setting} {problem}.", setting);
        }
    }
}
