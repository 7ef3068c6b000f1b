using Telemetry.Agent.Collectors.Nvml;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

/// <summary>A MIG device behind <see cref="FakeNvml"/>: its GPU instance, name, memory and GPM metrics.</summary>
internal sealed record FakeMigDevice(string Uuid, uint GpuInstanceId, string Name, NvmlMemory Memory)
{
    public Dictionary<NvmlGpmMetricId, double> Gpm { get; init; } = [];
}
