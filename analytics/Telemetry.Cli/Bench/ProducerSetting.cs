using System.Text.Json.Serialization;
using Telemetry.Kafka;

namespace Telemetry.Cli.Bench;

/// <summary>How the benchmark's agents send: the producer's codec and linger, and what one message holds.</summary>
/// <param name="Compression">The producer's compression codec.</param>
/// <param name="LingerMs">How long the producer waits to fill a batch.</param>
/// <param name="GpusPerMessage">GPUs of a node in one message: a divisor of <see cref="BenchFleet.GpusPerNode"/>.</param>
/// <param name="TicksPerMessage">Seconds of samples in one message (the agent's <c>--batch-seconds</c>).</param>
internal sealed record ProducerSetting(string Compression, int LingerMs, int GpusPerMessage, int TicksPerMessage)
{
    /// <summary>What the agent does by default: <see cref="KafkaOptions"/>' codec and linger, a node's 8 GPUs over 5 s in a message.</summary>
    public static ProducerSetting Default { get; } = new(new KafkaOptions().Compression, new KafkaOptions().LingerMs, BenchFleet.GpusPerNode, BenchFleet.TicksPerMessage);

    public int RowsPerMessage => GpusPerMessage * TicksPerMessage;

    /// <summary>Messages a node sends each <see cref="TicksPerMessage"/> seconds.</summary>
    [JsonIgnore]
    public int MessagesPerNode => GpusPerMessage is > 0 and <= BenchFleet.GpusPerNode && BenchFleet.GpusPerNode % GpusPerMessage == 0
        ? BenchFleet.GpusPerNode / GpusPerMessage
        : throw new ArgumentOutOfRangeException(nameof(GpusPerMessage), GpusPerMessage, $"GPUs per message must divide {BenchFleet.GpusPerNode}.");

    public override string ToString() => $"{Compression}, linger {LingerMs} ms, {GpusPerMessage} GPU{(GpusPerMessage == 1 ? "" : "s")} × {TicksPerMessage} s per message";
}
