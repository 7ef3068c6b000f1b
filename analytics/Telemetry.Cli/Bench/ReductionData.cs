using Telemetry.Contract.Samples;

namespace Telemetry.Cli.Bench;

/// <summary>
/// A fleet's samples over some ticks, decoded as the aggregator receives them: one list of batches per step, a step
/// being one tick in batches of many GPUs, or the ticks of one agent message (<see cref="Messages"/>).
/// </summary>
internal sealed class ReductionData : IDisposable
{
    private ReductionData(BenchFleet fleet, List<SampleBatch>[] ticks, long encodedBytes, string shape)
    {
        Fleet = fleet;
        Ticks = ticks;
        EncodedBytes = encodedBytes;
        Shape = shape;
        Rows = ticks.Sum(step => step.Sum(b => (long)b.Length));
    }

    public BenchFleet Fleet { get; }

    /// <summary>The batches of each step, in the order they are reduced.</summary>
    public List<SampleBatch>[] Ticks { get; }

    /// <summary>Bytes of the Arrow IPC payloads the batches were decoded from.</summary>
    public long EncodedBytes { get; }

    public long Rows { get; }

    /// <summary>How the rows are batched, in words.</summary>
    public string Shape { get; }

    /// <summary>Whether each batch is one agent's message over several ticks, as agents send them by default.</summary>
    public bool AsMessages { get; private init; }

    /// <summary>Every GPU's sample at each tick, <paramref name="rowsPerBatch"/> GPUs to a batch.</summary>
    public static ReductionData Build(BenchFleet fleet, int ticks, int rowsPerBatch)
    {
        var all = new List<SampleBatch>[ticks];
        var bytes = 0L;
        for (var tick = 0; tick < ticks; tick++)
        {
            all[tick] = [];
            for (var first = 0; first < fleet.Gpus; first += rowsPerBatch)
            {
                using var batch = fleet.Batch(first, rowsPerBatch, tick);
                var payload = SampleBatchCodec.Encode(batch);
                bytes += payload.Length;
                all[tick].Add(SampleBatchCodec.Decode(payload));
            }
        }

        return new ReductionData(fleet, all, bytes, $"batches of {Math.Min(rowsPerBatch, fleet.Gpus):N0} GPUs × 1 tick");
    }

    /// <summary>Batches made elsewhere (by hand, for cases a fleet does not produce), encoded and decoded as the others, one step each.</summary>
    public static ReductionData Of(BenchFleet fleet, IEnumerable<Apache.Arrow.RecordBatch> batches)
    {
        var payloads = batches.Select(SampleBatchCodec.Encode).ToList();
        var steps = payloads.Select(p => new List<SampleBatch> { SampleBatchCodec.Decode(p) }).ToArray();
        return new ReductionData(fleet, steps, payloads.Sum(p => (long)p.Length), "batches made by hand");
    }

    /// <summary>
    /// Every node's messages as its agent sends them by default (its 8 GPUs over <see cref="BenchFleet.TicksPerMessage"/>
    /// ticks, 40 rows), <paramref name="steps"/> messages a node.
    /// </summary>
    public static ReductionData Messages(BenchFleet fleet, int steps)
    {
        var all = new List<SampleBatch>[steps];
        var bytes = 0L;
        for (var step = 0; step < steps; step++)
        {
            var payloads = fleet.Payloads(step * BenchFleet.TicksPerMessage, BenchFleet.GpusPerNode, BenchFleet.TicksPerMessage);
            bytes += payloads.Sum(p => (long)p.Length);
            all[step] = [.. payloads.Select(p => SampleBatchCodec.Decode(p))];
        }

        return new ReductionData(fleet, all, bytes, $"agents' messages of {BenchFleet.GpusPerNode} GPUs × {BenchFleet.TicksPerMessage} ticks ({BenchFleet.RowsPerMessage} rows)")
        {
            AsMessages = true,
        };
    }

    public void Dispose()
    {
        foreach (var tick in Ticks)
        {
            foreach (var batch in tick)
            {
                batch.Dispose();
            }
        }
    }
}
