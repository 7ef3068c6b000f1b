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

    public KafkaOptions KafkaOptions() => KafkaCommandLine.Options(Bootstrap, KafkaProperties);

    /// <summary>
    /// Asks the cluster for its metadata once; false, with a message on <paramref name="console"/> that names
    /// <c>--bootstrap</c> and what to check, when no broker answers within <see cref="KafkaCommandLine.BrokerTimeout"/>.
    /// </summary>
    public async Task<bool> BrokerAnswersAsync(IAnsiConsole console, string consequence, CancellationToken cancellationToken)
    {
        if (await KafkaCommandLine.UnreachableAsync(Bootstrap, KafkaProperties, consequence, cancellationToken).ConfigureAwait(false) is not var (subject, detail))
        {
            return true;
        }

        console.MarkupLineInterpolated($"[red]{subject}[/] {detail}");
        return false;
    }

    /// <summary>Whether the command needs a cluster given; false where it can bring its own.</summary>
    protected virtual bool BootstrapRequired => true;

    /// <summary>Whether a cluster was given, by option or environment.</summary>
    public bool HasBootstrap => KafkaCommandLine.HasBootstrap(Bootstrap);

    public override ValidationResult Validate() =>
        KafkaCommandLine.Problem(Bootstrap, KafkaProperties, BootstrapRequired) is { } problem ? ValidationResult.Error(problem) : ValidationResult.Success();
}
