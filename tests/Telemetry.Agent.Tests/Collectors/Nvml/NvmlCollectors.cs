using Microsoft.Extensions.Time.Testing;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.Nvml;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

/// <summary>Started collectors over a <see cref="FakeNvml"/>, and the first collection's readings.</summary>
internal static class NvmlCollectors
{
    public const string Node = "gpu-node-007";

    public static async Task<NvmlCollector> StartedAsync(FakeNvml nvml, TimeProvider? time = null, bool migDevices = true)
    {
        var collector = new NvmlCollector(new NvmlCollectorOptions { NodeName = Node, MigDevices = migDevices }, nvml, time ?? new FakeTimeProvider());
        await collector.StartAsync(CancellationToken.None);
        return collector;
    }

    public static async Task<(IReadOnlyList<GpuReading> Readings, CollectorCounters Counters)> CollectOnceAsync(FakeNvml nvml)
    {
        await using var collector = await StartedAsync(nvml);
        return (await collector.CollectAsync(CancellationToken.None), collector.Counters);
    }
}
