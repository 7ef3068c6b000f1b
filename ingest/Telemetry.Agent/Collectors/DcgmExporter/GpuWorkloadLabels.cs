using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Collectors.DcgmExporter;

/// <summary>
/// A workload dcgm-exporter attributes to a GPU or MIG instance: Kubernetes pod labels (with its pod-resources
/// mapping) or an HPC job (with its job-mapping directory). Another component turns these into allocation events.
/// </summary>
/// <param name="Gpu">The GPU or MIG instance.</param>
/// <param name="Pod">The <c>pod</c> label.</param>
/// <param name="Namespace">The <c>namespace</c> label.</param>
/// <param name="Container">The <c>container</c> label.</param>
/// <param name="HpcJob">The <c>hpc_job</c> label.</param>
public sealed record GpuWorkloadLabels(GpuIdentity Gpu, string? Pod, string? Namespace, string? Container, string? HpcJob);
