namespace Telemetry.Contract.Messages;

/// <summary>A job starts or stops holding GPUs on one node (Slurm prolog/epilog, a pod's GPU resources, an HPC job map).</summary>
/// <param name="Type">Start or stop.</param>
/// <param name="Time">When, in event time.</param>
/// <param name="Node">The node.</param>
/// <param name="GpuUuids">The GPUs on that node by UUID; a MIG instance as <c>UUID/GPU instance id</c> (see <see cref="Samples.GpuIdentity.AllocationKey"/>).</param>
/// <param name="JobId">The scheduler's job id.</param>
/// <param name="User">Who runs the job.</param>
/// <param name="Team">The team or cost centre the job is charged to.</param>
public sealed record AllocationEvent(
    AllocationEventType Type,
    DateTimeOffset Time,
    string Node,
    IReadOnlyList<string> GpuUuids,
    string JobId,
    string User,
    string Team);
