using Telemetry.Contract.Fields;

namespace Telemetry.Analytics.Tests.Support;

/// <summary>The readings of one sample row; what is left null is absent from the row.</summary>
internal sealed record Reading(
    double? GpuUtil = null,
    double? SmActive = null,
    double? TensorActive = null,
    double? Power = null,
    long? EnergyMilliJoules = null,
    double? SmClock = null,
    double? MaxSmClock = null,
    double? FbUsed = null,
    double? FbTotal = null,
    double? DramActive = null,
    long? ClockEventReasons = null,
    double? NvlinkTxBytes = null)
{
    /// <summary>One value per catalog field, indexed by field ordinal, as <c>SampleBatchBuilder.Append</c> takes them.</summary>
    public double?[] Values()
    {
        var values = new double?[FieldCatalog.Count];
        values[FieldOrdinals.GpuUtil] = GpuUtil;
        values[FieldOrdinals.SmActive] = SmActive;
        values[FieldOrdinals.PipeTensorActive] = TensorActive;
        values[FieldOrdinals.PowerUsage] = Power;
        values[FieldOrdinals.TotalEnergyConsumption] = EnergyMilliJoules;
        values[FieldOrdinals.SmClock] = SmClock;
        values[FieldOrdinals.MaxSmClock] = MaxSmClock;
        values[FieldOrdinals.FbUsed] = FbUsed;
        values[FieldOrdinals.FbTotal] = FbTotal;
        values[FieldOrdinals.DramActive] = DramActive;
        values[FieldOrdinals.ClocksEventReasons] = ClockEventReasons;
        values[FieldOrdinals.NvlinkTxBytes] = NvlinkTxBytes;
        return values;
    }
}
