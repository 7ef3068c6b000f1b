using Telemetry.Contract.Samples;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Gpus;

/// <summary>One GPU as the aggregator follows it: identity, model, and its previous sample, which opens the next interval.</summary>
internal sealed class GpuTrack(int slot, GpuIdentity identity, GpuModelPeak? peak)
{
    public int Slot { get; } = slot;
    public GpuIdentity Identity { get; } = identity;
    public GpuModelPeak? Peak { get; } = peak;

    /// <summary>The GPU's latest sample, which opens the next interval, when <see cref="HasPrevious"/> (a field, read in place).</summary>
    public SampleSnapshot Previous;

    public bool HasPrevious;

    /// <summary>The partition its samples come from (a node's samples all travel in one).</summary>
    public SourcePartition Source { get; set; } = SourcePartition.None;

    /// <summary>
    /// The last batch whose first row was this GPU: a node's agent sends its GPUs in the same order message after
    /// message, so the next such batch is checked against it instead of looked up row by row.
    /// </summary>
    public BatchShape? BatchShape { get; set; }

    /// <summary>The GPU's allocations on the timeline (the timeline keeps the list object for the GPU); null while it has none.</summary>
    public List<Jobs.Allocation>? Allocations { get; set; }

    /// <summary>The timeline's <see cref="Jobs.AllocationTimeline.GpusVersion"/> when <see cref="Allocations"/> was last looked up.</summary>
    public int AllocationsVersion { get; set; } = -1;

    public long LastXid { get; set; }
    public long? LastEccDbe { get; set; }
    public long? LastUncorrectableRemappedRows { get; set; }
}
