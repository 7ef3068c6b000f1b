namespace Telemetry.Contract.Samples;

/// <summary>
/// Decodes a consumer's payloads one after another into one batch object: a payload read where it lies (its schema
/// the one last seen, as with every message of agents of one build) allocates nothing. A batch that <see cref="Read"/>
/// returns is valid until the next <see cref="Read"/>, which may hand out the same object with another payload's rows:
/// use it, dispose it as one from <see cref="SampleBatchCodec.Decode(ReadOnlyMemory{byte}, int, int)"/>, and do not keep
/// it. Not thread-safe: one per consumer.
/// </summary>
public sealed class SampleBatchReader(int maxPayloadBytes = SampleBatchCodec.DefaultMaxPayloadBytes, int maxRows = SampleBatchCodec.DefaultMaxRows)
{
    // The batch object reused for payloads read in place, once there was one.
    private SampleBatch? _reused;

    /// <summary>Decodes a payload, as <see cref="SampleBatchCodec.Decode(ReadOnlyMemory{byte}, int, int)"/> does.</summary>
    /// <exception cref="SampleDecodeException">The payload is not a valid sample batch; <c>Error</c> says why.</exception>
    public SampleBatch Read(ReadOnlyMemory<byte> payload)
    {
        var batch = SampleBatchCodec.Decode(payload, maxPayloadBytes, maxRows, _reused);
        if (batch.InPlace)
        {
            _reused = batch;
        }

        return batch;
    }
}
