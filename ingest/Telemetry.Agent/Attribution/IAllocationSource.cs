using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Attribution;

/// <summary>Where the agent learns which job holds which GPU: an HPC job map, Slurm prolog/epilog calls, pod labels.</summary>
public interface IAllocationSource
{
    /// <summary>Name for logs.</summary>
    string Name { get; }

    /// <summary>Allocation changes since the last poll, as start and stop events at <paramref name="now"/> (or the time the source knows).</summary>
    IReadOnlyList<AllocationEvent> Poll(DateTimeOffset now);
}
