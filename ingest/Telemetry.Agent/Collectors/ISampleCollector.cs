namespace Telemetry.Agent.Collectors;

/// <summary>
/// A source of GPU readings on a node: dcgm-exporter, nvidia-smi, NVML or the simulator. Several may run at once; the
/// agent merges their readings per GPU, the first collector's value winning for a field both report.
/// </summary>
public interface ISampleCollector : IAsyncDisposable
{
    /// <summary>Short name for logs and metrics (<c>dcgm-exporter</c>, <c>nvidia-smi</c>, <c>nvml</c>).</summary>
    string Name { get; }

    /// <summary>What it has read, dropped and failed on.</summary>
    CollectorCounters Counters { get; }

    /// <summary>
    /// Checks that the source is there (the library loads, the command exists, the page answers) and throws
    /// <see cref="CollectorUnavailableException"/> with a message that says what is missing and how to fix it.
    /// </summary>
    ValueTask StartAsync(CancellationToken cancellationToken);

    /// <summary>Reads every GPU once. A failure of one collection is reported by exception and counted; the next may succeed.</summary>
    ValueTask<IReadOnlyList<GpuReading>> CollectAsync(CancellationToken cancellationToken);
}
