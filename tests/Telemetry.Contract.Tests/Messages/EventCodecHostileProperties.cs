using System.Text;
using CsCheck;
using Telemetry.Contract.Messages;
using Telemetry.Hostile;

namespace Telemetry.Contract.Tests.Messages;

/// <summary>
/// Valid allocation and throughput events, encoded, then mutated: each decodes into an event that passes every check
/// the codec documents, or is rejected with <see cref="EventDecodeException"/>. Nothing else is thrown.
/// </summary>
[TestClass]
public sealed class EventCodecHostileProperties
{
    private static readonly Gen<AllocationEvent> Allocation =
        Gen.Select(Gen.Enum<AllocationEventType>(), Gen.DateTimeOffset, Gen.String[0, 20], Gen.String[0, 40].Array[0, 4], Gen.String[0, 20], Gen.String, Gen.String)
            .Select((type, time, node, gpus, job, user, team) => new AllocationEvent(type, time, node, gpus, job, user, team));

    private static readonly Gen<ThroughputEvent> Throughput =
        Gen.Select(Gen.String[0, 20], Gen.DateTimeOffset, Gen.DateTimeOffset, Gen.Long, Gen.OneOf("tokens", "samples", "bytes", ""))
            .Select((job, start, end, count, unit) => new ThroughputEvent(job, start, end, count, unit));

    [TestMethod]
    public void AMutatedAllocationEventIsValidOrRejected()
    {
        Allocation.SelectMany(e => Mutation.Of(EventCodec.Encode(e), maxEdits: 4, maxRun: 70_000)).Sample(
            bytes => HostileRun.Bounded(() => DecodeAllocationOrReject(bytes), "decoding an allocation event"),
            iter: HostileRun.Iterations(1000), threads: 1, print: Describe);
    }

    [TestMethod]
    public void AMutatedThroughputEventIsValidOrRejected()
    {
        Throughput.SelectMany(e => Mutation.Of(EventCodec.Encode(e), maxEdits: 4, maxRun: 70_000)).Sample(
            bytes => HostileRun.Bounded(() => DecodeThroughputOrReject(bytes), "decoding a throughput event"),
            iter: HostileRun.Iterations(1000), threads: 1, print: Describe);
    }

    [TestMethod]
    [DataRow("#")]
    [DataRow("{}")]
    [DataRow("{A}0")]
    [DataRow("null")]
    [DataRow("[]")]
    [DataRow("{\"type\":\"Start\",\"type\":\"Stop\"}")]
    public void TheNamedSeedsAreRejected(string json)
    {
        var bytes = Encoding.UTF8.GetBytes(json);

        Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeAllocation(bytes));
        Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput(bytes));
    }

    [TestMethod]
    public void AOneMebibyteEventIsRejectedByItsSize()
    {
        var bytes = Encoding.UTF8.GetBytes($"{{\"job_id\":\"{new string('j', 1024 * 1024)}\"}}");

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput(bytes));

        Assert.Contains("exceeds the bound", e.Message);
    }

    [TestMethod]
    public void InvalidUtf8InAStringIsRejected()
    {
        byte[] bytes = [.. "{\"job_id\":\""u8, 0xFF, 0xC3, 0x28, .. "\",\"start\":\"2025-01-01T00:00:00Z\",\"end\":\"2025-01-01T00:01:00Z\",\"count\":1,\"unit\":\"tokens\"}"u8];

        Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput(bytes));
    }

    private static void DecodeAllocationOrReject(byte[] bytes)
    {
        AllocationEvent e;
        try
        {
            e = EventCodec.DecodeAllocation(bytes);
        }
        catch (EventDecodeException)
        {
            return;
        }

        Assert.IsTrue(e.GpuUuids.Count is > 0 and <= EventCodec.MaxGpusPerAllocation);
        Assert.IsTrue(e.GpuUuids.All(u => !string.IsNullOrWhiteSpace(u)));
        Assert.IsFalse(string.IsNullOrWhiteSpace(e.JobId));
        Assert.IsFalse(string.IsNullOrWhiteSpace(e.Node));
        Assert.IsNotNull(e.User);
        Assert.IsNotNull(e.Team);
        Assert.IsTrue(Enum.IsDefined(e.Type));
    }

    private static void DecodeThroughputOrReject(byte[] bytes)
    {
        ThroughputEvent e;
        try
        {
            e = EventCodec.DecodeThroughput(bytes);
        }
        catch (EventDecodeException)
        {
            return;
        }

        Assert.IsFalse(string.IsNullOrWhiteSpace(e.JobId));
        Assert.IsGreaterThan(e.Start, e.End);
        Assert.IsGreaterThanOrEqualTo(0, e.Count);
        Assert.IsTrue(e.Unit is "tokens" or "samples");
    }

    private static string Describe(byte[] bytes) => Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 400)]);
}
