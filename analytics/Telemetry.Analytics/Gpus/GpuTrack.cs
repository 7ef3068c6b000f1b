using Telemetry.Contract.Samples;
using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Gpus;

/// <summary>
/// One GPU as the aggregator follows it: identity, model, and its previous sample, which opens the next interval. A
/// struct: the registry keeps tracks in pages by slot and hands them out by reference, read and written in place, so
/// that a GPU seen for the first time adds no object of its own beside its identity.
/// </summary>
internal struct GpuTrack(int slot, GpuIdentity identity, GpuModelPeak? peak)
{
    public readonly int Slot = slot;
    public readonly GpuIdentity Identity = identity;
    public readonly GpuModelPeak? Peak = peak;

    /// <summary>The GPU's latest sample, which opens the next interval, when <see cref="HasPrevious"/>.</summary>
    public SampleSnapshot Previous;

    public bool HasPrevious;

    /// <summary>The partition its samples come from (a node's samples all travel in one).</summary>
    public SourcePartition Source = SourcePartition.None;

    /// <summary>
    /// The last batch whose first row was this GPU: a node's agent sends its GPUs in the same order message after
    /// message, so the next such batch is checked against it instead of looked up row by row.
    /// </summary>
    public BatchShape? BatchShape;

    /// <summary>The GPU's allocations on the timeline (the timeline keeps the list object for the GPU); null while it has none.</summary>
    public List<Jobs.Allocation>? Allocations;

    /// <summary>The timeline's <see cref="Jobs.AllocationTimeline.GpusVersion"/> when <see cref="Allocations"/> was last looked up.</summary>
    public int AllocationsVersion = -1;

    public long LastXid;
    public long? LastEccDbe;
    public long? LastUncorrectableRemappedRows;
}
