using Confluent.Kafka;

namespace Telemetry.Kafka;

/// <summary>Whether a cluster answers at all, asked once at start so that a wrong address is reported, not waited on.</summary>
public static class BrokerProbe
{
    /// <summary>
    /// Asks the cluster of <paramref name="kafka"/> for its metadata. Null when a broker answered within
    /// <paramref name="timeout"/>; otherwise librdkafka's reason (the last connection error it reported, where any).
    /// </summary>
    public static async Task<string?> ProblemAsync(KafkaOptions kafka, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kafka);
        Native.RdKafkaLibrary.EnsureLoaded();
        string? lastError = null;
        var config = kafka.AdminConfig("telemetry-probe");
        using var admin = new AdminClientBuilder(config)
            .SetLogHandler((_, _) => { })
            .SetErrorHandler((_, error) => lastError = error.Reason)
            .Build();
        try
        {
            var metadata = await Task.Run(() => admin.GetMetadata(timeout), cancellationToken).ConfigureAwait(false);
            return metadata.Brokers.Count == 0 ? "the cluster named no brokers" : null;
        }
        catch (KafkaException e)
        {
            return lastError ?? e.Error.Reason;
        }
    }
}
