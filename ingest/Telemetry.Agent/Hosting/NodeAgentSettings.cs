using Telemetry.Kafka;

namespace Telemetry.Agent.Hosting;

/// <summary>
/// The command-line settings of a real node's agent, as <c>telemetry agent run</c> and the <c>telemetry-agent</c>
/// binary take them; each default is the one <c>--help</c> shows.
/// </summary>
public sealed class NodeAgentSettings
{
    /// <summary>The collectors there are, in their default order of priority.</summary>
    public static IReadOnlyList<string> KnownCollectors { get; } = ["dcgm-exporter", "nvml", "nvidia-smi"];

    /// <summary>Kafka bootstrap.servers; null: the TELEMETRY_KAFKA_BOOTSTRAP environment variable.</summary>
    public string? Bootstrap { get; init; }

    /// <summary>Extra librdkafka properties, as KEY=VALUE.</summary>
    public IReadOnlyList<string> KafkaProperties { get; init; } = [];

    /// <summary>Seconds of samples in one Kafka message; 5.</summary>
    public int BatchSeconds { get; init; } = 5;

    /// <summary>This node's name, the key of its messages; null: the host name.</summary>
    public string? Node { get; init; }

    /// <summary>The collectors to read, the first having priority; empty: every one whose source is present.</summary>
    public IReadOnlyList<string> Collectors { get; init; } = [];

    /// <summary>dcgm-exporter's metrics page.</summary>
    public string DcgmUrl { get; init; } = "http://localhost:9400/metrics";

    /// <summary>The nvidia-smi executable.</summary>
    public string NvidiaSmi { get; init; } = "nvidia-smi";

    /// <summary>The NVML library.</summary>
    public string NvmlLibrary { get; init; } = "libnvidia-ml.so.1";

    /// <summary>dcgm-exporter's HPC job mapping directory; null: none.</summary>
    public string? HpcJobMap { get; init; }

    /// <summary>Inference servers' token counters to scrape, as JOB=URL.</summary>
    public IReadOnlyList<string> ScrapeTokens { get; init; } = [];

    /// <summary>The counter <see cref="ScrapeTokens"/> reads.</summary>
    public string TokensMetric { get; init; } = "vllm:generation_tokens_total";

    /// <summary>The local endpoint's URL, or 'off'.</summary>
    public string Listen { get; init; } = "http://127.0.0.1:9410";

    /// <summary>The disk spool's directory, or 'off'.</summary>
    public string Spool { get; init; } = "spool";

    /// <summary>The spool's size cap in MiB.</summary>
    public int SpoolMaxMiB { get; init; } = 1024;

    /// <summary>How often every GPU is read, as a duration like 1s.</summary>
    public string Interval { get; init; } = "1s";

    /// <summary>The Kafka client options these settings give.</summary>
    public KafkaOptions KafkaOptions() => KafkaCommandLine.Options(Bootstrap, KafkaProperties);

    /// <summary>What is wrong with the settings, naming the option; null when nothing is.</summary>
    public string? Problem() =>
        KafkaCommandLine.Problem(Bootstrap, KafkaProperties, bootstrapRequired: true)
        ?? (BatchSeconds is < 1 or > 3600 ? $"--batch-seconds must be between 1 and 3600 (got {BatchSeconds})." : null)
        ?? AgentProblem();

    /// <summary>What is wrong with the agent's own settings (all but Kafka's and the batch length); null when nothing is.</summary>
    public string? AgentProblem() =>
        Collectors.FirstOrDefault(c => !KnownCollectors.Contains(c)) is { } unknown ? $"--collector '{unknown}' is not one of {string.Join(", ", KnownCollectors)}."
        : !DurationText.TryParse(Interval, out var interval) || interval < TimeSpan.FromMilliseconds(100) ? $"--interval '{Interval}' must be a duration of at least 100ms, like 1s."
        : Listen != "off" && !Uri.TryCreate(Listen, UriKind.Absolute, out _) ? $"--listen '{Listen}' must be a URL like http://127.0.0.1:9410, or 'off'."
        : SpoolMaxMiB is < 8 or > 1024 * 1024 ? $"--spool-max-mib must be between 8 and 1048576 (got {SpoolMaxMiB})."
        : !Uri.TryCreate(DcgmUrl, UriKind.Absolute, out _) ? $"--dcgm-url '{DcgmUrl}' must be a URL like http://localhost:9400/metrics."
        : ScrapeTokens.FirstOrDefault(s => s.IndexOf('=', StringComparison.Ordinal) <= 0 || !Uri.TryCreate(s[(s.IndexOf('=', StringComparison.Ordinal) + 1)..], UriKind.Absolute, out _)) is { } bad
            ? $"--scrape-tokens '{bad}' must be JOB=URL, e.g. chat-1=http://127.0.0.1:8000/metrics."
        : null;
}
