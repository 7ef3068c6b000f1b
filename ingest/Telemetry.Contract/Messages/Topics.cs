namespace Telemetry.Contract.Messages;

/// <summary>Kafka topic names of the wire contract. The suffix is the contract's major version.</summary>
public static class Topics
{
    /// <summary>Sample batches: key = node name, value = an Arrow IPC stream of that node's samples.</summary>
    public const string Samples = "gpu.samples.v1";

    /// <summary>Allocation events (job start and stop on a node's GPUs): key = node name, value = JSON.</summary>
    public const string Allocations = "gpu.allocations.v1";

    /// <summary>Throughput events (tokens or samples a job processed): key = job id, value = JSON.</summary>
    public const string Throughput = "job.throughput.v1";

    /// <summary>All topics, in the order a broker creates them.</summary>
    public static IReadOnlyList<string> All { get; } = [Samples, Allocations, Throughput];
}
