using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Kafka;

namespace Telemetry.Cli.Commands;

/// <summary>Options shared by commands that talk to a Kafka cluster.</summary>
internal abstract class KafkaClientSettings : CommandSettings
{
    [CommandOption("--bootstrap <SERVERS>")]
    [Description("Kafka bootstrap.servers (host:port,...). Default: the TELEMETRY_KAFKA_BOOTSTRAP environment variable; the demo runs its own broker without one.")]
    public string? Bootstrap { get; init; }

    [CommandOption("--kafka-property <KEY=VALUE>")]
    [Description("Extra librdkafka property, such as security.protocol=SASL_SSL; repeatable.")]
    public string[] KafkaProperties { get; init; } = [];

    public KafkaOptions KafkaOptions()
    {
        var options = new KafkaOptions { BootstrapServers = Bootstrap ?? Environment.GetEnvironmentVariable("TELEMETRY_KAFKA_BOOTSTRAP") ?? "" };
        foreach (var property in KafkaProperties)
        {
            var split = property.IndexOf('=', StringComparison.Ordinal);
            options.Properties[property[..split]] = property[(split + 1)..];
        }

        return options;
    }

    /// <summary>How long a command waits at start for a broker to answer before it reports the address as unreachable.</summary>
    public static readonly TimeSpan BrokerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Asks the cluster for its metadata once; false, with a message on <paramref name="console"/> that names
    /// <c>--bootstrap</c> and what to check, when no broker answers within <see cref="BrokerTimeout"/>.
    /// </summary>
    public async Task<bool> BrokerAnswersAsync(IAnsiConsole console, string consequence, CancellationToken cancellationToken)
    {
        var kafka = KafkaOptions();
        var problem = await BrokerProbe.ProblemAsync(kafka, BrokerTimeout, cancellationToken).ConfigureAwait(false);
        if (problem is null)
        {
            return true;
        }

        var source = Bootstrap is null ? "TELEMETRY_KAFKA_BOOTSTRAP" : "--bootstrap";
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{source} {kafka.BootstrapServers}:[/] no Kafka broker answered within {BrokerTimeout.TotalSeconds:0} s ({problem}). Check the host and port in --bootstrap (or TELEMETRY_KAFKA_BOOTSTRAP), that the brokers are running and reachable from here (firewall, DNS, the listeners they advertise), and any --kafka-property security settings. {consequence}");
        return false;
    }

    /// <summary>Whether the command needs a cluster given; false where it can bring its own.</summary>
    protected virtual bool BootstrapRequired => true;

    /// <summary>Whether a cluster was given, by option or environment.</summary>
    public bool HasBootstrap => !string.IsNullOrWhiteSpace(Bootstrap ?? Environment.GetEnvironmentVariable("TELEMETRY_KAFKA_BOOTSTRAP"));

    public override ValidationResult Validate()
    {
        if (BootstrapRequired && !HasBootstrap)
        {
            return ValidationResult.Error("--bootstrap is required (or set TELEMETRY_KAFKA_BOOTSTRAP): the Kafka broker list, e.g. the address 'telemetry broker' prints.");
        }

        var bad = KafkaProperties.FirstOrDefault(p => p.IndexOf('=', StringComparison.Ordinal) <= 0);
        return bad is null ? ValidationResult.Success() : ValidationResult.Error($"--kafka-property '{bad}' must be KEY=VALUE.");
    }
}
