using Confluent.Kafka;
using Confluent.Kafka.Admin;

namespace Telemetry.Kafka;

/// <summary>Makes sure topics exist on a cluster, creating only the missing ones.</summary>
public static class TopicAdmin
{
    /// <summary>Creates those of <paramref name="topics"/> the cluster lacks, with this many partitions.</summary>
    /// <exception cref="KafkaException">The cluster could not be reached within the timeout, or refused to create a topic.</exception>
    public static async Task EnsureTopicsAsync(KafkaOptions kafka, IReadOnlyList<string> topics, int partitions, short replicationFactor, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        ArgumentNullException.ThrowIfNull(topics);
        Native.RdKafkaLibrary.EnsureLoaded();
        var config = kafka.AdminConfig("telemetry-admin");
        using var admin = new AdminClientBuilder(config).Build();
        var existing = admin.GetMetadata(timeout).Topics
            .Where(t => !t.Error.IsError)
            .Select(t => t.Topic)
            .ToHashSet(StringComparer.Ordinal);
        var missing = topics.Where(t => !existing.Contains(t)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            await admin.CreateTopicsAsync(
                missing.Select(t => new TopicSpecification { Name = t, NumPartitions = partitions, ReplicationFactor = replicationFactor }),
                new CreateTopicsOptions { RequestTimeout = timeout, OperationTimeout = timeout }).ConfigureAwait(false);
        }
        catch (CreateTopicsException e) when (e.Results.All(r => r.Error.Code is ErrorCode.NoError or ErrorCode.TopicAlreadyExists))
        {
            // Another client created them meanwhile.
        }
    }
}
