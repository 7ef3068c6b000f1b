using System.ComponentModel;
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
