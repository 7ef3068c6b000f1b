using System.Globalization;
using Telemetry.Agent.Hosting;

namespace Telemetry.Agent.Host;

/// <summary>
/// Reads <c>telemetry-agent</c>'s command line: the options of <c>telemetry agent run</c> for a real node, as
/// <c>--name value</c> or <c>--name=value</c>, with an optional leading <c>run</c>. No reflection, so it works trimmed
/// and ahead-of-time compiled.
/// </summary>
internal static class AgentArguments
{
    private static readonly string[] SimulationOnly = ["--simulate", "--nodes", "--gpus-per-node", "--duration", "--seed", "--speed"];

    /// <summary>Every option, in the order <c>--help</c> lists them.</summary>
    public static IReadOnlyList<AgentOption> Options { get; } =
    [
        new("--bootstrap", "SERVERS", "Kafka bootstrap.servers (host:port,...). Default: the TELEMETRY_KAFKA_BOOTSTRAP environment variable."),
        new("--kafka-property", "KEY=VALUE", "Extra librdkafka property, such as security.protocol=SASL_SSL; repeatable.", Repeatable: true),
        new("--node", "NAME", "This node's name, the key of its messages. Default: the host name."),
        new("--collector", "NAME", "Collector to read: dcgm-exporter, nvml or nvidia-smi; repeatable, the first has priority where two report a field. Default: every one whose source is present.", Repeatable: true),
        new("--dcgm-url", "URL", "dcgm-exporter's metrics page.", "http://localhost:9400/metrics"),
        new("--nvidia-smi", "PATH", "The nvidia-smi executable.", "nvidia-smi"),
        new("--nvml-library", "PATH", "The NVML library.", "libnvidia-ml.so.1"),
        new("--hpc-job-map", "DIR", "dcgm-exporter's HPC job mapping directory (files named by GPU index holding job ids) to attribute GPUs to jobs."),
        new("--scrape-tokens", "JOB=URL", "Scrape an inference server's token counter for a job, e.g. chat-1=http://127.0.0.1:8000/metrics; repeatable.", Repeatable: true),
        new("--tokens-metric", "NAME", "The counter --scrape-tokens reads.", "vllm:generation_tokens_total"),
        new("--listen", "URL", "The local endpoint for throughput reports and prolog/epilog allocations, or 'off'.", "http://127.0.0.1:9410"),
        new("--spool", "DIR", "Directory of the disk spool that keeps batches while Kafka is unreachable, or 'off'.", "spool"),
        new("--spool-max-mib", "N", "Size cap of the spool; past it the oldest batches are dropped and counted as lost.", "1024"),
        new("--interval", "DURATION", "How often every GPU is read.", "1s"),
        new("--batch-seconds", "N", "Seconds of samples the agent puts in one Kafka message.", "5"),
        new("-h, --help", null, "Print this help."),
    ];

    /// <summary>Whether the command line asks for help.</summary>
    public static bool WantsHelp(IReadOnlyList<string> args) => args.Any(a => a is "-h" or "--help");

    /// <summary>The settings the command line gives, checked; or what is wrong with it, naming the option.</summary>
    public static (NodeAgentSettings? Settings, string? Error) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = args.Count > 0 && args[0] == "run" ? 1 : 0; i < args.Count; i++)
        {
            var (name, value) = Split(args[i]);
            if (Read(name, ref value, args, ref i) is { } error)
            {
                return (null, error);
            }

            values.TryAdd(name, []);
            values[name].Add(value!);
        }

        return Settings(values);
    }

    private static string? Read(string name, ref string? value, IReadOnlyList<string> args, ref int i)
    {
        if (!name.StartsWith("--", StringComparison.Ordinal))
        {
            return $"Unexpected argument '{name}': telemetry-agent takes options only (see --help).";
        }

        if (SimulationOnly.Contains(name))
        {
            return $"{name} is for a simulated fleet ('telemetry agent --simulate'); telemetry-agent runs a real node's agent.";
        }

        if (!Options.Any(o => o.Name == name && o.Value is not null))
        {
            return $"Unknown option '{name}' (see --help).";
        }

        if (value is null)
        {
            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                return $"{name} needs a value ({Options.First(o => o.Name == name).Value}).";
            }

            value = args[++i];
        }

        return null;
    }

    private static (string Name, string? Value) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (argument[..equals], argument[(equals + 1)..]) : (argument, null);
    }

    private static (NodeAgentSettings? Settings, string? Error) Settings(Dictionary<string, List<string>> values)
    {
        string? One(string name) => values.TryGetValue(name, out var given) ? given[^1] : null;
        IReadOnlyList<string> All(string name) => values.TryGetValue(name, out var given) ? given : [];
        var defaults = new NodeAgentSettings();
        if (Whole(One("--spool-max-mib"), defaults.SpoolMaxMiB) is not { } spoolMaxMiB)
        {
            return (null, $"--spool-max-mib '{One("--spool-max-mib")}' must be a whole number.");
        }

        if (Whole(One("--batch-seconds"), defaults.BatchSeconds) is not { } batchSeconds)
        {
            return (null, $"--batch-seconds '{One("--batch-seconds")}' must be a whole number.");
        }

        var settings = new NodeAgentSettings
        {
            Bootstrap = One("--bootstrap"),
            KafkaProperties = All("--kafka-property"),
            Node = One("--node"),
            Collectors = All("--collector"),
            DcgmUrl = One("--dcgm-url") ?? defaults.DcgmUrl,
            NvidiaSmi = One("--nvidia-smi") ?? defaults.NvidiaSmi,
            NvmlLibrary = One("--nvml-library") ?? defaults.NvmlLibrary,
            HpcJobMap = One("--hpc-job-map"),
            ScrapeTokens = All("--scrape-tokens"),
            TokensMetric = One("--tokens-metric") ?? defaults.TokensMetric,
            Listen = One("--listen") ?? defaults.Listen,
            Spool = One("--spool") ?? defaults.Spool,
            SpoolMaxMiB = spoolMaxMiB,
            Interval = One("--interval") ?? defaults.Interval,
            BatchSeconds = batchSeconds,
        };
        return settings.Problem() is { } problem ? (null, problem) : (settings, null);
    }

    private static int? Whole(string? text, int fallback) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value
        : null;
}
