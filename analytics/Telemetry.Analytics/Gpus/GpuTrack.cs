using Telemetry.Contract.Samples;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Gpus;

/// <summary>One GPU as the aggregator follows it: identity, model, and its previous sample, which opens the next interval.</summary>
internal sealed class GpuTrack(int slot, GpuIdentity identity, GpuModelPeak? peak)
{
    public int Slot { get; } = slot;
    public GpuIdentity Identity { get; } = identity;
    public GpuModelPeak? Peak { get; } = peak;

    /// <summary>The GPU's latest sample, which opens the next interval.</summary>
    public SampleSnapshot? Previous { get; set; }

    /// <summary>The partition its samples come from (a node's samples all travel in one).</summary>
    public SourcePartition Source { get; set; } = SourcePartition.None;

    public long LastXid { get; set; }
    public long? LastEccDbe { get; set; }
    public long? LastUncorrectableRemappedRows { get; set; }
}
