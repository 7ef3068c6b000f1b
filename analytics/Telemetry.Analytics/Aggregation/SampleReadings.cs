using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Aggregation;

/// <summary>What one sample row contributes on its own: the window's statistics, and the snapshot that opens the GPU's next interval.</summary>
internal static class SampleReadings
{
    public static void Add(ref GpuAccumulator acc, ref GpuTrack gpu, BatchColumns c, int row)
    {
        acc.Samples++;
        AddStat(ref acc.GpuUtil, c.GpuUtil[row]);
        AddStat(ref acc.SmActive, c.SmActive[row]);
        AddStat(ref acc.TensorActive, c.TensorActive[row]);
        AddStat(ref acc.DramActive, c.DramActive[row]);
        AddStat(ref acc.Power, c.Power[row]);
        acc.GpuTempMax = MaxOf(acc.GpuTempMax, c.GpuTemp[row]);
        acc.MemoryTempMax = MaxOf(acc.MemoryTempMax, c.MemoryTemp[row]);
        acc.FbUsedMax = MaxOf(acc.FbUsedMax, c.FbUsed[row]);
        if (!double.IsNaN(c.FbTotal[row])) { acc.FbTotal = c.FbTotal[row]; }
        var ecc = c.EccDbe.At(row);
        acc.EccDbeErrors += (int)Rise(ecc, gpu.LastEccDbe);
        gpu.LastEccDbe = ecc ?? gpu.LastEccDbe;
        var remapped = c.UncorrectableRemappedRows.At(row);
        acc.UncorrectableRemappedRows += (int)Rise(remapped, gpu.LastUncorrectableRemappedRows);
        gpu.LastUncorrectableRemappedRows = remapped ?? gpu.LastUncorrectableRemappedRows;
        if (c.RowRemapFailure.Has[row])
        {
            acc.RowRemapFailure = (int)Math.Max(acc.RowRemapFailure, Math.Min(c.RowRemapFailure.Values[row], 1));
        }

        if (c.Xid.Has[row])
        {
            var xid = c.Xid.Values[row];
            acc.XidGauge = xid;
            if (xid != 0 && xid != gpu.LastXid)
            {
                acc.XidCount++;
                acc.XidLast = xid;
            }

            gpu.LastXid = xid;
        }
    }

    // The rise of a counter since the GPU's previous reading of it; after a reset (it went down) its new value.
    private static long Rise(long? current, long? previous) =>
        current is { } now && previous is { } before ? (now >= before ? now - before : now) : 0;

    public static SampleSnapshot Snapshot(in GpuTrack gpu, BatchColumns c, int row, long t)
    {
        var max = c.MaxSmClock[row];
        var maxClock = max > 0 ? max : gpu.Peak?.MaxSmClockMhz ?? 0;
        var used = c.FbUsed[row];
        var total = c.FbTotal[row];
        var memoryShare = !double.IsNaN(used) && total > 0 ? used / total : double.NaN;
        var link = c.LinkBytes[row];
        var power = c.Power[row];
        var sm = c.SmActive[row];
        var util = c.GpuUtil[row];
        var tensor = c.TensorActive[row];
        var dram = c.DramActive[row];
        var clock = c.SmClock[row];
        return new SampleSnapshot(
            t,
            c.Energy.At(row),
            power,
            !double.IsNaN(sm) ? sm : !double.IsNaN(util) ? util / 100 : 0,
            tensor,
            dram,
            link,
            memoryShare,
            maxClock > 0 && !double.IsNaN(clock) ? Math.Clamp(clock / maxClock, 0, 1) : 1,
            c.ClockEventReasons.At(row));
    }

    private static void AddStat(ref GpuAccumulator.Stat stat, double value)
    {
        if (!double.IsNaN(value))
        {
            stat.Add(value);
        }
    }

    // NaN (no reading) leaves the maximum as it is; the first reading starts it.
    private static double MaxOf(double current, double value) => double.IsNaN(value) ? current : double.IsNaN(current) ? value : Math.Max(current, value);
}
