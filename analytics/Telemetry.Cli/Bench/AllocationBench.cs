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
    private static readonly Telemetry.Analytics.Windows.SourcePartition Source = new(Telemetry.Contract.Messages.Topics.Samples, 0);

    public static BenchFigure Run(BenchFleet fleet, int ticks)
    {
        var payloads = Enumerable.Range(0, ticks).Select(t => fleet.Payloads(t * BenchFleet.TicksPerMessage, BenchFleet.GpusPerNode, BenchFleet.TicksPerMessage)).ToList();
        var aggregator = new SampleAggregator(new AggregatorOptions(), TimeProvider.System);
        var reader = new SampleBatchReader();
        long decoding = 0, reducing = 0, rows = 0;
        for (var tick = 0; tick < ticks; tick++)
        {
            long decoded = 0, reduced = 0;
            foreach (var payload in payloads[tick])
            {
                var start = GC.GetAllocatedBytesForCurrentThread();
                using var batch = reader.Read(payload);
                var read = GC.GetAllocatedBytesForCurrentThread();
                aggregator.AddSamples(batch, Source, 0);
                decoded += read - start;
                reduced += GC.GetAllocatedBytesForCurrentThread() - read;
            }

            var closing = GC.GetAllocatedBytesForCurrentThread();
            aggregator.CloseReadyWindows();
            reduced += GC.GetAllocatedBytesForCurrentThread() - closing;
            if (tick >= 2)
            {
                decoding += decoded;
                reducing += reduced;
                rows += (long)fleet.Gpus * BenchFleet.TicksPerMessage;
            }
        }

        var perSample = (double)(decoding + reducing) / rows;
        return new BenchFigure("allocated_per_sample", "Bytes allocated per sample, decode and reduce", "bytes", perSample, "plain copy of the payloads", 0,
            "0 in steady state", perSample < 1,
            $"decode {decoding:N0} B, reduction {reducing:N0} B in all over {rows:N0} samples; {fleet.Gpus:N0} GPUs in messages of {BenchFleet.RowsPerMessage} rows, {ticks - 2} messages a node after two of warm-up")
        { Gpus = fleet.Gpus };
    }
}
