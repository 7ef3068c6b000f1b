using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Fields;

namespace Telemetry.Analytics.Aggregation;

/// <summary>Puts an interval in one <see cref="GpuState"/> and, when the GPU is busy, says what bounds its work.</summary>
internal static class IntervalClassifier
{
    public static GpuState State(in SampleSnapshot start, bool allocated, WasteRules rules)
    {
        if (start.ClockEventReasons is { } reasons && (reasons & (long)rules.ThrottleReasons) != 0)
        {
            return GpuState.Throttled;
        }

        var busy = start.SmActive >= rules.BusySmActivity;
        var memory = double.IsNaN(start.MemoryShare) ? 0 : start.MemoryShare;
        return (allocated, busy) switch
        {
            (true, true) => GpuState.Productive,
            (true, false) => memory > rules.ParkedMemoryShare ? GpuState.MemoryParked : GpuState.AllocatedIdle,
            (false, true) => GpuState.UnallocatedBusy,
            (false, false) => memory > rules.ZombieMemoryShare ? GpuState.Zombie : GpuState.UnallocatedIdle,
        };
    }

    public static WorkBound Bound(in SampleSnapshot start, WasteRules rules)
    {
        // A missing reading is NaN, and NaN compares false with every threshold.
        if (double.IsNaN(start.TensorActive) && double.IsNaN(start.DramActive) && double.IsNaN(start.LinkBytesPerSecond))
        {
            return WorkBound.Unknown;
        }

        if (start.TensorActive >= rules.ComputeTensorActivity)
        {
            return WorkBound.Compute;
        }

        if (start.LinkBytesPerSecond >= rules.CommunicationBytesPerSecond && start.SmActive < rules.CommunicationMaxSmActivity)
        {
            return WorkBound.Communication;
        }

        return start.DramActive >= rules.MemoryDramActivity ? WorkBound.Memory : WorkBound.Mixed;
    }
}
