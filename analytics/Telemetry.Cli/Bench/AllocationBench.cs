using Telemetry.Analytics;
using Telemetry.Analytics.Aggregation;
using Telemetry.Contract.Samples;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Bytes allocated per sample on the hot path: decoding agents' messages and reducing them into windows, in steady
/// state (after each node's first two messages), measured on the calling thread; decode and reduction apart.
/// </summary>
internal static class AllocationBench
{
    public static BenchFigure Run(BenchFleet fleet, int ticks)
    {
        var payloads = Enumerable.Range(0, ticks).Select(t => fleet.Payloads(t * BenchFleet.TicksPerMessage, BenchFleet.GpusPerNode, BenchFleet.TicksPerMessage)).ToList();
        var aggregator = new SampleAggregator(new AggregatorOptions(), TimeProvider.System);
        long decoding = 0, reducing = 0, rows = 0;
        for (var tick = 0; tick < ticks; tick++)
        {
            var batches = new List<SampleBatch>(payloads[tick].Count);
            var start = GC.GetAllocatedBytesForCurrentThread();
            foreach (var payload in payloads[tick])
            {
                batches.Add(SampleBatchCodec.Decode(payload));
            }

            var decoded = GC.GetAllocatedBytesForCurrentThread();
            ReductionBench.Reduce(aggregator, batches);
            var reduced = GC.GetAllocatedBytesForCurrentThread();
            foreach (var batch in batches)
            {
                batch.Dispose();
            }

            if (tick >= 2)
            {
                decoding += decoded - start;
                reducing += reduced - decoded;
                rows += (long)fleet.Gpus * BenchFleet.TicksPerMessage;
            }
        }

        var perSample = (double)(decoding + reducing) / rows;
        return new BenchFigure("allocated_per_sample", "Bytes allocated per sample, decode and reduce", "bytes", perSample, "plain copy of the payloads", 0,
            "0 in steady state", perSample < 1,
            $"decode {(double)decoding / rows:0} B, reduction {(double)reducing / rows:0} B per sample; {fleet.Gpus:N0} GPUs in messages of {BenchFleet.RowsPerMessage} rows, {ticks - 2} messages a node after two of warm-up")
        { Gpus = fleet.Gpus };
    }
}
