using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Gpus;

/// <summary>
/// The GPUs of a batch as they lay in it: the UUID column's bytes and offsets, the MIG instances, and the slots they
/// resolved to. A node's agent sends its GPUs in the same order message after message, so its next batch is recognised
/// by comparing these columns as whole spans, without touching any GPU's track.
/// </summary>
internal sealed class BatchShape
{
    private readonly byte[] _uuids;
    private readonly int[] _offsets;
    private readonly int[]? _migs;

    private BatchShape(int[] slots, byte[] uuids, int[] offsets, int[]? migs)
    {
        Slots = slots;
        _uuids = uuids;
        _offsets = offsets;
        _migs = migs;
    }

    /// <summary>The slot of each row's GPU.</summary>
    public int[] Slots { get; }

    /// <summary>The shape of a batch whose rows all have a UUID, with the slots they resolved to.</summary>
    public static BatchShape Of(SampleBatch batch, ReadOnlySpan<int> slots)
    {
        var rows = batch.Length;
        var uuids = batch.GpuUuidView;
        var first = uuids.Offsets[0];
        var offsets = new int[rows + 1];
        for (var row = 0; row <= rows; row++)
        {
            offsets[row] = uuids.Offsets[row] - first;
        }

        return new BatchShape(slots[..rows].ToArray(), uuids.Data[first..uuids.Offsets[rows]].ToArray(), offsets, Migs(batch));
    }

    /// <summary>Whether this batch's rows are the same GPUs in the same order (its rows all have a UUID).</summary>
    public bool Matches(SampleBatch batch)
    {
        var rows = batch.Length;
        if (rows != Slots.Length)
        {
            return false;
        }

        var uuids = batch.GpuUuidView;
        var first = uuids.Offsets[0];
        if (!uuids.Data[first..uuids.Offsets[rows]].SequenceEqual(_uuids))
        {
            return false;
        }

        if (first == 0)
        {
            if (!uuids.Offsets[..(rows + 1)].SequenceEqual(_offsets))
            {
                return false;
            }
        }
        else
        {
            for (var row = 0; row <= rows; row++)
            {
                if (uuids.Offsets[row] - first != _offsets[row])
                {
                    return false;
                }
            }
        }

        var migs = batch.MigInstanceView;
        if (_migs is null)
        {
            return !HasMig(batch);
        }

        for (var row = 0; row < rows; row++)
        {
            if ((migs.Exists && migs.IsValid(row) ? migs.Values[row] : -1) != _migs[row])
            {
                return false;
            }
        }

        return true;
    }

    // Each row's MIG instance or -1; null when no row has one.
    private static int[]? Migs(SampleBatch batch)
    {
        if (!HasMig(batch))
        {
            return null;
        }

        var migs = batch.MigInstanceView;
        var values = new int[batch.Length];
        for (var row = 0; row < values.Length; row++)
        {
            values[row] = migs.IsValid(row) ? migs.Values[row] : -1;
        }

        return values;
    }

    private static bool HasMig(SampleBatch batch) => batch.MigInstanceView is { Exists: true } migs && migs.NullCount < batch.Length;
}
