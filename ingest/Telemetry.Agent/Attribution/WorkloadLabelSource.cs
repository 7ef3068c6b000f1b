using Telemetry.Agent.Collectors.DcgmExporter;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Attribution;

/// <summary>
/// Attribution from the labels dcgm-exporter puts on a GPU's series: its <c>hpc_job</c> when set, otherwise its
/// Kubernetes pod as <c>namespace/pod</c> charged to the namespace. A GPU that loses its labels is released.
/// </summary>
public sealed class WorkloadLabelSource(Func<IReadOnlyList<GpuWorkloadLabels>> workloads, string node) : IAllocationSource
{
    private readonly AllocationTracker _tracker = new(node);

    /// <inheritdoc />
    public string Name => "workload-labels";

    /// <inheritdoc />
    public IReadOnlyList<AllocationEvent> Poll(DateTimeOffset now)
    {
        var snapshot = new Dictionary<string, JobAssignment>(StringComparer.Ordinal);
        foreach (var w in workloads())
        {
            if (!string.IsNullOrWhiteSpace(w.HpcJob))
            {
                snapshot.TryAdd(w.Gpu.AllocationKey, new JobAssignment(w.HpcJob, "", ""));
            }
            else if (!string.IsNullOrWhiteSpace(w.Pod))
            {
                var space = string.IsNullOrWhiteSpace(w.Namespace) ? "default" : w.Namespace;
                snapshot.TryAdd(w.Gpu.AllocationKey, new JobAssignment(space + "/" + w.Pod, "", space));
            }
        }

        return _tracker.Update(snapshot, now);
    }
}
