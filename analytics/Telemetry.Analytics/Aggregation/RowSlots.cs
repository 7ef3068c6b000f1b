using Telemetry.Analytics.Gpus;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// Which rows of a batch are samples the aggregator takes, and the slots of their GPUs. A row with no plausible time
/// (before 2000, or more than a day ahead of this clock) or no GPU UUID is invalid; one further ahead than the clock
/// skew allowed is from the future. Both are counted, get slot -1, and their GPUs are not tracked.
/// </summary>
internal sealed class RowSlots(GpuRegistry gpus, AggregatorCounters counters, TimeSpan maxClockSkew)
{
    private static readonly long MinValidTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly long MaxAheadMs = (long)TimeSpan.FromDays(1).TotalMilliseconds;
    private readonly long _maxClockSkewMs = (long)maxClockSkew.TotalMilliseconds;

    /// <summary>Fills <paramref name="slots"/> with each row's GPU slot, -1 for a row that is no sample.</summary>
    /// <param name="batch">The batch.</param>
    /// <param name="slots">One slot a row.</param>
    /// <param name="now">This clock, Unix ms.</param>
    public void Resolve(SampleBatch batch, Span<int> slots, long now)
    {
        var maxFuture = now + MaxAheadMs;
        var maxSkewed = now + _maxClockSkewMs;
        var times = batch.TimeView.Values;
        var uuids = batch.GpuUuidView;
        var rows = batch.Length;
        var valid = true;
        for (var row = 0; row < rows; row++)
        {
            var t = times[row];
            if (t < MinValidTime || t > maxFuture || uuids.Offsets[row + 1] == uuids.Offsets[row] || !uuids.IsValid(row))
            {
                counters.AddInvalid();
                slots[row] = -1;
                valid = false;
            }
            else if (t > maxSkewed)
            {
                counters.AddFuture();
                slots[row] = -1;
                valid = false;
            }
            else
            {
                slots[row] = 0;
            }
        }

        if (valid)
        {
            gpus.ResolveAll(batch, slots);
            return;
        }

        for (var row = 0; row < rows; row++)
        {
            if (slots[row] >= 0)
            {
                slots[row] = gpus.Resolve(batch, row);
            }
        }
    }
}
