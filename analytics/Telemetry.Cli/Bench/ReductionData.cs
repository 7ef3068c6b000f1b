using Telemetry.Contract.Samples;

namespace Telemetry.Cli.Bench;

/// <summary>A fleet's samples over some ticks, decoded as the aggregator receives them: one list of batches per tick.</summary>
internal sealed class ReductionData : IDisposable
{
    private ReductionData(BenchFleet fleet, List<SampleBatch>[] ticks, long encodedBytes)
    {
        Fleet = fleet;
        Ticks = ticks;
        EncodedBytes = encodedBytes;
    }

    public BenchFleet Fleet { get; }

    public List<SampleBatch>[] Ticks { get; }

    /// <summary>Bytes of the Arrow IPC payloads the batches were decoded from.</summary>
    public long EncodedBytes { get; }

    public long Rows => (long)Fleet.Gpus * Ticks.Length;

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

        return new ReductionData(fleet, all, bytes);
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
