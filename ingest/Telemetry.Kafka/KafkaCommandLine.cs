using System.Globalization;

namespace Telemetry.Kafka;

/// <summary>
/// The Kafka options every command line of this repository shares, <c>--bootstrap</c> and <c>--kafka-property</c>:
/// how they become <see cref="KafkaOptions"/>, how they are checked, and what is said when no broker answers.
/// </summary>
public static class KafkaCommandLine
{
    /// <summary>The environment variable that gives <c>--bootstrap</c> when the option is not given.</summary>
    public const string EnvironmentVariable = "TELEMETRY_KAFKA_BOOTSTRAP";

    /// <summary>How long a command waits at start for a broker to answer before it reports the address as unreachable.</summary>
    public static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>The client options of <paramref name="bootstrap"/> (or its environment variable) and the <c>KEY=VALUE</c> properties.</summary>
    public static KafkaOptions Options(string? bootstrap, IEnumerable<string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var options = new KafkaOptions { BootstrapServers = bootstrap ?? Environment.GetEnvironmentVariable(EnvironmentVariable) ?? "" };
        foreach (var property in properties)
        {
            var split = property.IndexOf('=', StringComparison.Ordinal);
            options.Properties[property[..split]] = property[(split + 1)..];
        }

        return options;
    }

    /// <summary>Whether a cluster was given, by option or environment.</summary>
    public static bool HasBootstrap(string? bootstrap) =>
        !string.IsNullOrWhiteSpace(bootstrap ?? Environment.GetEnvironmentVariable(EnvironmentVariable));

    /// <summary>What is wrong with the options, naming the option; null when nothing is.</summary>
    public static string? Problem(string? bootstrap, IEnumerable<string> properties, bool bootstrapRequired)
    {
        if (bootstrapRequired && !HasBootstrap(bootstrap))
        {
            return $"--bootstrap is required (or set {EnvironmentVariable}): the Kafka broker list, e.g. the address 'telemetry broker' prints.";
        }

        var bad = properties.FirstOrDefault(p => p.IndexOf('=', StringComparison.Ordinal) <= 0);
        return bad is null ? null : $"--kafka-property '{bad}' must be KEY=VALUE.";
    }

    /// <summary>
    /// Asks the cluster for its metadata once. Null when a broker answered within <see cref="BrokerTimeout"/>;
    /// otherwise what to say: the setting and address (<c>Subject</c>), and why, what to check and
    /// <paramref name="consequence"/> (<c>Detail</c>).
    /// </summary>
    public static async Task<(string Subject, string Detail)?> UnreachableAsync(string? bootstrap, IEnumerable<string> properties, string consequence, CancellationToken cancellationToken)
    {
        var kafka = Options(bootstrap, properties);
        var problem = await BrokerProbe.ProblemAsync(kafka, BrokerTimeout, cancellationToken).ConfigureAwait(false);
        if (problem is null)
        {
            return null;
        }

        var source = bootstrap is null ? EnvironmentVariable : "--bootstrap";
        return ($"{source} {kafka.BootstrapServers}:", string.Create(CultureInfo.InvariantCulture, $"no Kafka broker answered within {BrokerTimeout.TotalSeconds:0} s ({problem}). Check the host and port in --bootstrap (or {EnvironmentVariable}), that the brokers are running and reachable from here (firewall, DNS, the listeners they advertise), and any --kafka-property security settings. {consequence}"));
    }
}
