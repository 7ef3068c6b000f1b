using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Kafka;

namespace Telemetry.Cli.Commands;

/// <summary>Options shared by commands that talk to a Kafka cluster.</summary>
internal class KafkaClientSettings : CommandSettings
{
    [CommandOption("--bootstrap <SERVERS>")]
    [Description("Kafka bootstrap.servers (host:port,...). Default: the TELEMETRY_KAFKA_BOOTSTRAP environment variable.")]
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

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Bootstrap ?? Environment.GetEnvironmentVariable("TELEMETRY_KAFKA_BOOTSTRAP")))
        {
            return ValidationResult.Error("--bootstrap is required (or set TELEMETRY_KAFKA_BOOTSTRAP): the Kafka broker list, e.g. the address 'telemetry broker' prints.");
        }

        var bad = KafkaProperties.FirstOrDefault(p => p.IndexOf('=', StringComparison.Ordinal) <= 0);
        return bad is null ? ValidationResult.Success() : ValidationResult.Error($"--kafka-property '{bad}' must be KEY=VALUE.");
    }
}
