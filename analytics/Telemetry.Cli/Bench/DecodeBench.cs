using Telemetry.Contract.Samples;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Kafka payload to columns: the contract's Arrow codec decoding agents' messages (a node's 8 GPUs over 5 ticks each,
/// the agent's default) into sample batches as the consumer does (one reader, its batch object reused), against a
/// plain copy of the same bytes.
/// </summary>
internal static class DecodeBench
{
    public static BenchFigure Run(BenchFleet fleet, TimeSpan atLeast)
    {
        var payloads = fleet.Payloads(tick: 0, BenchFleet.GpusPerNode, BenchFleet.TicksPerMessage);
        var rows = (long)fleet.Gpus * BenchFleet.TicksPerMessage;
        var buffer = new byte[payloads.Max(p => p.Length)];
        var bytes = payloads.Sum(p => (long)p.Length);
        var reader = new SampleBatchReader();
        var decoded = Throughput.PerSecond(() => Decode(reader, payloads), rows, atLeast);
        var copied = Throughput.PerSecond(() => Copy(payloads, buffer), rows, atLeast);
        return new BenchFigure("decode", "Decode: Kafka payload to Arrow columns", "rows/s", decoded, "copy of the same bytes", copied, "ratio ≥ 0.2", decoded / copied >= 0.2,
            $"{payloads.Count} messages of {BenchFleet.RowsPerMessage} rows, {bytes / payloads.Count} bytes each on average")
        { Gpus = fleet.Gpus };
    }

    private static void Decode(SampleBatchReader reader, List<byte[]> payloads)
    {
        foreach (var payload in payloads)
        {
            using var batch = reader.Read(payload);
        }
    }

    private static void Copy(List<byte[]> payloads, byte[] buffer)
    {
        foreach (var payload in payloads)
        {
            payload.CopyTo(buffer.AsSpan());
        }
    }
}
