using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Gpus;

/// <summary>One GPU as the aggregator follows it: identity, model, and its previous sample, which opens the next interval.</summary>
internal sealed class GpuTrack(int slot, GpuIdentity identity, GpuModelPeak? peak)
{
    public int Slot { get; } = slot;
    public GpuIdentity Identity { get; } = identity;
    public GpuModelPeak? Peak { get; } = peak;

    public bool HasPrevious { get; set; }
    public long PreviousTime { get; set; }
    public long? PreviousEnergyMilliJoules { get; set; }
    public double? PreviousPower { get; set; }
    public double? PreviousTensorActive { get; set; }
    public double PreviousSmActive { get; set; }
    public double PreviousClockRatio { get; set; } = 1;
    public bool PreviousThrottled { get; set; }
    public long LastXid { get; set; }
}
