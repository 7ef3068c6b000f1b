using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Tests.Support;

/// <summary>Sample rows built into a real Arrow sample batch and encoded as the agent sends it.</summary>
internal sealed class SampleRows
{
    private readonly SampleBatchBuilder _builder = new();

    public SampleRows Add(GpuIdentity gpu, long timeUnixMs, Reading? reading = null)
    {
        _builder.Append(timeUnixMs, gpu, (reading ?? new Reading()).Values());
        return this;
    }

    /// <summary>The rows as a message value (an Arrow IPC stream).</summary>
    public byte[] Encode()
    {
        using var batch = _builder.Build();
        return SampleBatchCodec.Encode(batch);
    }

    /// <summary>Encodes, decodes and hands the batch to the aggregator, as the consumer does.</summary>
    /// <summary>The rows as a decoded batch, as the consumer hands them to the aggregator.</summary>
    public SampleBatch Decode() => SampleBatchCodec.Decode(Encode());

    public void FeedTo(SampleAggregator aggregator, SourcePartition source, long offset = 0)
    {
        using var batch = SampleBatchCodec.Decode(Encode());
        aggregator.AddSamples(batch, source, offset);
    }
}
