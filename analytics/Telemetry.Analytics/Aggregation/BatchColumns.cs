using System.Numerics;
using Telemetry.Contract.Samples;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// The readings of one batch that the reduction uses, taken out of their Arrow columns once per batch, a column at a
/// time: readings as doubles (NaN where the sender left the value out, or wrote a NaN or an infinity, which is no
/// reading), counters as exact integers beside whether each row has one. The row loop then reads plain arrays instead
/// of asking every column for its type, validity and value on every row. The arrays are kept and reused, grown to the
/// largest batch seen. Not thread-safe: one per aggregator.
/// </summary>
internal sealed class BatchColumns
{
    public double[] GpuUtil = [];
    public double[] SmActive = [];
    public double[] TensorActive = [];
    public double[] DramActive = [];
    public double[] Power = [];
    public double[] GpuTemp = [];
    public double[] MemoryTemp = [];
    public double[] FbUsed = [];
    public double[] FbTotal = [];
    public double[] MaxSmClock = [];
    public double[] SmClock = [];

    /// <summary>NVLink and PCIe bytes per second in both directions, summed over the four that the row has; NaN when it has none.</summary>
    public double[] LinkBytes = [];
    private double[] _link = [];

    public Counter Energy = new();
    public Counter EccDbe = new();
    public Counter UncorrectableRemappedRows = new();
    public Counter RowRemapFailure = new();
    public Counter Xid = new();
    public Counter ClockEventReasons = new();

    /// <summary>The slot of each row's GPU.</summary>
    public int[] Slots = [];

    // The value columns Read takes (keep beside its list), besides the time and the GPU's identity.
    private static readonly int[] ReadOrdinals =
    [
        F.GpuUtil, F.SmActive, F.PipeTensorActive, F.DramActive, F.PowerUsage, F.GpuTemp, F.MemoryTemp, F.FbUsed, F.FbTotal,
        F.MaxSmClock, F.SmClock, F.NvlinkTxBytes, F.NvlinkRxBytes, F.PcieTxBytes, F.PcieRxBytes, F.TotalEnergyConsumption,
        F.EccDbeVolatileTotal, F.UncorrectableRemappedRows, F.RowRemapFailure, F.XidErrors, F.ClocksEventReasons,
    ];

    /// <summary>
    /// Asks the processor for every buffer of the batch that the reduction reads, all at once, before any is read. A batch
    /// that is no longer in the cache (decoded a while ago: a backlog, a batch parked for its allocation events) otherwise
    /// misses once per column, each miss waiting for the last; asked for together, the misses overlap.
    /// </summary>
    public static void Prefetch(SampleBatch batch)
    {
        Lines(batch.TimeView.Values);
        var uuids = batch.GpuUuidView;
        Lines(uuids.Offsets);
        Lines(uuids.Data);
        foreach (var ordinal in ReadOrdinals)
        {
            var floats = batch.FloatField(ordinal);
            if (floats.Exists)
            {
                Lines(floats.Values);
                Lines(floats.Validity);
                continue;
            }

            var longs = batch.Int64Field(ordinal);
            Lines(longs.Values);
            Lines(longs.Validity);
        }
    }

    // The first lines of a buffer: all of a message's (40 rows: 160 bytes of floats, 320 of integers); of a longer one,
    // enough for the processor to see a stream and fetch the rest itself.
    private static void Lines<T>(ReadOnlySpan<T> span)
        where T : unmanaged => CacheLines.Prefetch(span, 512);

    /// <summary>Reads the batch's columns.</summary>
    public void Read(SampleBatch batch)
    {
        var rows = batch.Length;
        if (Slots.Length < rows)
        {
            Grow(rows);
        }

        Reading(batch, F.GpuUtil, GpuUtil, rows);
        Reading(batch, F.SmActive, SmActive, rows);
        Reading(batch, F.PipeTensorActive, TensorActive, rows);
        Reading(batch, F.DramActive, DramActive, rows);
        Reading(batch, F.PowerUsage, Power, rows);
        Reading(batch, F.GpuTemp, GpuTemp, rows);
        Reading(batch, F.MemoryTemp, MemoryTemp, rows);
        Reading(batch, F.FbUsed, FbUsed, rows);
        Reading(batch, F.FbTotal, FbTotal, rows);
        Reading(batch, F.MaxSmClock, MaxSmClock, rows);
        Reading(batch, F.SmClock, SmClock, rows);
        LinkSum(batch, rows);
        Energy.Read(batch, F.TotalEnergyConsumption, rows);
        EccDbe.Read(batch, F.EccDbeVolatileTotal, rows);
        UncorrectableRemappedRows.Read(batch, F.UncorrectableRemappedRows, rows);
        RowRemapFailure.Read(batch, F.RowRemapFailure, rows);
        Xid.Read(batch, F.XidErrors, rows);
        ClockEventReasons.Read(batch, F.ClocksEventReasons, rows);
    }

    private void Grow(int rows)
    {
        var size = Math.Max(rows, Slots.Length * 2);
        GpuUtil = new double[size];
        SmActive = new double[size];
        TensorActive = new double[size];
        DramActive = new double[size];
        Power = new double[size];
        GpuTemp = new double[size];
        MemoryTemp = new double[size];
        FbUsed = new double[size];
        FbTotal = new double[size];
        MaxSmClock = new double[size];
        SmClock = new double[size];
        LinkBytes = new double[size];
        _link = new double[size];
        Energy.Grow(size);
        EccDbe.Grow(size);
        UncorrectableRemappedRows.Grow(size);
        RowRemapFailure.Grow(size);
        Xid.Grow(size);
        ClockEventReasons.Grow(size);
        Slots = new int[size];
    }

    // The same reading as SampleBatch.TryGetValue, for every row: a float that is valid and finite, or any valid integer.
    private static void Reading(SampleBatch batch, int ordinal, double[] into, int rows)
    {
        var floats = batch.FloatField(ordinal);
        if (floats.Exists)
        {
            var values = floats.Values;
            if (floats.NullCount == 0)
            {
                Widen(values[..rows], into);
            }
            else
            {
                for (var row = 0; row < rows; row++)
                {
                    var v = values[row];
                    into[row] = floats.IsValid(row) && float.IsFinite(v) ? v : double.NaN;
                }
            }

            return;
        }

        var longs = batch.Int64Field(ordinal);
        if (longs.Exists)
        {
            var values = longs.Values;
            if (longs.NullCount == 0)
            {
                Convert(values[..rows], into);
                return;
            }

            for (var row = 0; row < rows; row++)
            {
                into[row] = longs.IsValid(row) ? values[row] : double.NaN;
            }

            return;
        }

        Array.Fill(into, double.NaN, 0, rows);
    }

    // Every value as a double, NaN where it is not finite; a vector at a time.
    private static void Widen(ReadOnlySpan<float> values, double[] into)
    {
        var row = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var missing = new Vector<double>(double.NaN);
            var output = into.AsSpan();
            for (; row <= values.Length - Vector<float>.Count; row += Vector<float>.Count)
            {
                Vector.Widen(new Vector<float>(values[row..]), out var low, out var high);
                // x - x is 0 for a finite x, NaN for an infinity or a NaN.
                Vector.ConditionalSelect(Vector.Equals(low - low, Vector<double>.Zero), low, missing).CopyTo(output[row..]);
                Vector.ConditionalSelect(Vector.Equals(high - high, Vector<double>.Zero), high, missing).CopyTo(output[(row + Vector<double>.Count)..]);
            }
        }

        for (; row < values.Length; row++)
        {
            var v = values[row];
            into[row] = float.IsFinite(v) ? v : double.NaN;
        }
    }

    // Every value as a double, a vector at a time.
    private static void Convert(ReadOnlySpan<long> values, double[] into)
    {
        var row = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var output = into.AsSpan();
            for (; row <= values.Length - Vector<long>.Count; row += Vector<long>.Count)
            {
                Vector.ConvertToDouble(new Vector<long>(values[row..])).CopyTo(output[row..]);
            }
        }

        for (; row < values.Length; row++)
        {
            into[row] = values[row];
        }
    }

    // NVLink and PCIe added in the order the snapshot always used: the sum of the rates a row has.
    private void LinkSum(SampleBatch batch, int rows)
    {
        Array.Fill(LinkBytes, double.NaN, 0, rows);
        foreach (var ordinal in (ReadOnlySpan<int>)[F.NvlinkTxBytes, F.NvlinkRxBytes, F.PcieTxBytes, F.PcieRxBytes])
        {
            if (!batch.FloatField(ordinal).Exists && !batch.Int64Field(ordinal).Exists)
            {
                continue;
            }

            Reading(batch, ordinal, _link, rows);
            for (var row = 0; row < rows; row++)
            {
                var bytes = _link[row];
                if (!double.IsNaN(bytes))
                {
                    var sum = LinkBytes[row];
                    LinkBytes[row] = (double.IsNaN(sum) ? 0 : sum) + bytes;
                }
            }
        }
    }

    /// <summary>An integer column, exact: its values and whether each row has one.</summary>
    internal sealed class Counter
    {
        public long[] Values = [];
        public bool[] Has = [];

        public void Grow(int size)
        {
            Values = new long[size];
            Has = new bool[size];
        }

        public void Read(SampleBatch batch, int ordinal, int rows)
        {
            var column = batch.Int64Field(ordinal);
            if (!column.Exists)
            {
                Array.Clear(Has, 0, rows);
                return;
            }

            column.Values[..rows].CopyTo(Values);
            if (column.NullCount == 0)
            {
                Array.Fill(Has, true, 0, rows);
                return;
            }

            for (var row = 0; row < rows; row++)
            {
                Has[row] = column.IsValid(row);
            }
        }

        public long? At(int row) => Has[row] ? Values[row] : null;
    }
}
