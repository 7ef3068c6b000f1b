using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Fuzz.Targets;

/// <summary>A sample batch message: decoded with the aggregator's bounds, then every row read as the aggregator reads it.</summary>
internal sealed class ArrowTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "arrow";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        SampleBatch batch;
        try
        {
            batch = SampleBatchCodec.Decode(input.ToArray());
        }
        catch (SampleDecodeException)
        {
            return;
        }

        using (batch)
        {
            for (var row = 0; row < batch.Length; row++)
            {
                _ = batch.Identity(row);
                _ = batch.Time.Values[row];
                for (var ordinal = 0; ordinal < FieldCatalog.Count; ordinal++)
                {
                    Finding.Unless(!batch.TryGetValue(ordinal, row, out var value) || double.IsFinite(value), "a reading is not finite");
                    batch.TryGetInt64(ordinal, row, out _);
                }
            }
        }
    }
}
