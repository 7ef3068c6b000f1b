using System.Text.Json;

namespace Telemetry.Contract.Messages;

/// <summary>JSON encoding of allocation and throughput events, with bounds and validation on the way in.</summary>
public static class EventCodec
{
    /// <summary>Version of the event JSON schema, carried in the schema-version header.</summary>
    public const int Version = 1;

    /// <summary>Bound on one event's encoded size.</summary>
    public const int MaxEventBytes = 64 * 1024;

    /// <summary>Bound on GPUs in one allocation event.</summary>
    public const int MaxGpusPerAllocation = 1024;

    /// <summary>Encodes an allocation event.</summary>
    public static byte[] Encode(AllocationEvent e) => JsonSerializer.SerializeToUtf8Bytes(e, EventJsonContext.Default.AllocationEvent);

    /// <summary>Encodes a throughput event.</summary>
    public static byte[] Encode(ThroughputEvent e) => JsonSerializer.SerializeToUtf8Bytes(e, EventJsonContext.Default.ThroughputEvent);

    /// <summary>Decodes and validates an allocation event.</summary>
    /// <exception cref="EventDecodeException">The payload is not a valid allocation event.</exception>
    public static AllocationEvent DecodeAllocation(ReadOnlySpan<byte> payload)
    {
        var e = Deserialize(payload, EventJsonContext.Default.AllocationEvent, "allocation");
        Check(e.GpuUuids.Count is > 0 and <= MaxGpusPerAllocation, $"allocation event for job '{e.JobId}' names {e.GpuUuids.Count} GPUs; expected 1 to {MaxGpusPerAllocation}");
        Check(!string.IsNullOrWhiteSpace(e.JobId), "allocation event has an empty job_id");
        Check(!string.IsNullOrWhiteSpace(e.Node), $"allocation event for job '{e.JobId}' has an empty node");
        Check(e.GpuUuids.All(u => !string.IsNullOrWhiteSpace(u)), $"allocation event for job '{e.JobId}' has an empty GPU UUID");
        Check(Enum.IsDefined(e.Type), $"allocation event for job '{e.JobId}' has unknown type {(int)e.Type}");
        return e;
    }

    /// <summary>Decodes and validates a throughput event.</summary>
    /// <exception cref="EventDecodeException">The payload is not a valid throughput event.</exception>
    public static ThroughputEvent DecodeThroughput(ReadOnlySpan<byte> payload)
    {
        var e = Deserialize(payload, EventJsonContext.Default.ThroughputEvent, "throughput");
        Check(!string.IsNullOrWhiteSpace(e.JobId), "throughput event has an empty job_id");
        Check(e.End > e.Start, $"throughput event for job '{e.JobId}' ends ({e.End:O}) before it starts ({e.Start:O})");
        Check(e.Count >= 0, $"throughput event for job '{e.JobId}' has a negative count {e.Count}");
        Check(e.Unit is "tokens" or "samples", $"throughput event for job '{e.JobId}' has unit '{e.Unit}'; expected 'tokens' or 'samples'");
        return e;
    }

    private static T Deserialize<T>(ReadOnlySpan<byte> payload, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> type, string what)
        where T : class
    {
        if (payload.Length > MaxEventBytes)
        {
            throw new EventDecodeException($"{what} event of {payload.Length} bytes exceeds the bound of {MaxEventBytes} bytes");
        }

        try
        {
            return JsonSerializer.Deserialize(payload, type) ?? throw new EventDecodeException($"{what} event is JSON null");
        }
        catch (JsonException e)
        {
            throw new EventDecodeException($"{what} event is not valid JSON for its schema: {e.Message}", e);
        }
    }

    private static void Check(bool condition, string problem)
    {
        if (!condition)
        {
            throw new EventDecodeException(problem);
        }
    }
}
