using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Samples;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Analytics.Aggregation;

/// <summary>What one sample row contributes on its own: the window's statistics, and the snapshot that opens the GPU's next interval.</summary>
internal static class SampleReadings
{
    private static readonly int[] LinkFields = [F.NvlinkTxBytes, F.NvlinkRxBytes, F.PcieTxBytes, F.PcieRxBytes];

    public static void Add(GpuAccumulator acc, GpuTrack gpu, SampleBatch batch, int row)
    {
        acc.Samples++;
        if (batch.TryGetValue(F.GpuUtil, row, out var v)) { acc.GpuUtil.Add(v); }
        if (batch.TryGetValue(F.SmActive, row, out v)) { acc.SmActive.Add(v); }
        if (batch.TryGetValue(F.PipeTensorActive, row, out v)) { acc.TensorActive.Add(v); }
        if (batch.TryGetValue(F.DramActive, row, out v)) { acc.DramActive.Add(v); }
        if (batch.TryGetValue(F.PowerUsage, row, out v)) { acc.Power.Add(v); }
        if (batch.TryGetValue(F.GpuTemp, row, out v)) { acc.GpuTempMax = MaxOf(acc.GpuTempMax, v); }
        if (batch.TryGetValue(F.MemoryTemp, row, out v)) { acc.MemoryTempMax = MaxOf(acc.MemoryTempMax, v); }
        if (batch.TryGetValue(F.FbUsed, row, out v)) { acc.FbUsedMax = MaxOf(acc.FbUsedMax, v); }
        if (batch.TryGetValue(F.FbTotal, row, out v)) { acc.FbTotal = v; }
        acc.EccDbeErrors += (int)Rise(batch, F.EccDbeVolatileTotal, row, gpu.LastEccDbe, out var ecc);
        gpu.LastEccDbe = ecc ?? gpu.LastEccDbe;
        acc.UncorrectableRemappedRows += (int)Rise(batch, F.UncorrectableRemappedRows, row, gpu.LastUncorrectableRemappedRows, out var remapped);
        gpu.LastUncorrectableRemappedRows = remapped ?? gpu.LastUncorrectableRemappedRows;
        if (batch.TryGetInt64(F.RowRemapFailure, row, out var failure))
        {
            acc.RowRemapFailure = (int)Math.Max(acc.RowRemapFailure, Math.Min(failure, 1));
        }

        if (batch.TryGetInt64(F.XidErrors, row, out var xid))
        {
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
    private static long Rise(SampleBatch batch, int ordinal, int row, long? previous, out long? current)
    {
        current = batch.TryGetInt64(ordinal, row, out var value) ? value : null;
        return current is { } now && previous is { } before ? (now >= before ? now - before : now) : 0;
    }

    public static SampleSnapshot Snapshot(GpuTrack gpu, SampleBatch batch, int row, long t)
    {
        var maxClock = batch.TryGetValue(F.MaxSmClock, row, out var max) && max > 0 ? max : gpu.Peak?.MaxSmClockMhz ?? 0;
        double? memoryShare = batch.TryGetValue(F.FbUsed, row, out var used) && batch.TryGetValue(F.FbTotal, row, out var total) && total > 0 ? used / total : null;
        double? link = null;
        foreach (var ordinal in LinkFields)
        {
            if (batch.TryGetValue(ordinal, row, out var bytes))
            {
                link = (link ?? 0) + bytes;
            }
        }

        return new SampleSnapshot(
            t,
            batch.TryGetInt64(F.TotalEnergyConsumption, row, out var energy) ? energy : null,
            batch.TryGetValue(F.PowerUsage, row, out var power) ? power : null,
            batch.TryGetValue(F.SmActive, row, out var sm) ? sm : batch.TryGetValue(F.GpuUtil, row, out var util) ? util / 100 : 0,
            batch.TryGetValue(F.PipeTensorActive, row, out var tensor) ? tensor : null,
            batch.TryGetValue(F.DramActive, row, out var dram) ? dram : null,
            link,
            memoryShare,
            maxClock > 0 && batch.TryGetValue(F.SmClock, row, out var clock) ? Math.Clamp(clock / maxClock, 0, 1) : 1,
            batch.TryGetInt64(F.ClocksEventReasons, row, out var reasons) ? reasons : null);
    }

    private static double MaxOf(double current, double value) => double.IsNaN(current) ? value : Math.Max(current, value);
}
