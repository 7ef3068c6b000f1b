using Telemetry.Contract.Messages;

namespace Telemetry.Fuzz.Targets;

/// <summary>An allocation or throughput event message, decoded as both.</summary>
internal sealed class EventsTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "events";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        try
        {
            var allocation = EventCodec.DecodeAllocation(input);
            Finding.Unless(allocation.GpuUuids.Count is > 0 and <= EventCodec.MaxGpusPerAllocation, "an allocation of no GPU or too many was accepted");
        }
        catch (EventDecodeException)
        {
            // Refused, as documented.
        }

        try
        {
            var throughput = EventCodec.DecodeThroughput(input);
            Finding.Unless(throughput.End > throughput.Start && throughput.Count >= 0, "an impossible throughput event was accepted");
        }
        catch (EventDecodeException)
        {
            // Refused, as documented.
        }
    }
}
