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

    /// <summary>
    /// The contract's own string for a topic name read off the wire (a new string per message), or the name itself for
    /// another topic: equal names are then one reference, which compares at once.
    /// </summary>
    public static string Canonical(string topic) => topic switch
    {
        Samples => Samples,
        Allocations => Allocations,
        Throughput => Throughput,
        _ => topic,
    };
}
