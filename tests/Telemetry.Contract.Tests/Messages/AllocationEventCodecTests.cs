using System.Text;
using System.Text.Json;
using Telemetry.Contract.Messages;

namespace Telemetry.Contract.Tests.Messages;

[TestClass]
public sealed class AllocationEventCodecTests
{
    private static readonly AllocationEvent Start = new(
        AllocationEventType.Start,
        new DateTimeOffset(2025, 6, 1, 8, 30, 0, TimeSpan.Zero),
        "node-a",
        ["GPU-5b4e07f6-3a86-4340-039d-25f2a83cdc43", "GPU-0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9"],
        "slurm-81234",
        "ada",
        "llm-pretraining");

    [TestMethod]
    public void AnAllocationEventSurvivesARoundTrip()
    {
        var bytes = EventCodec.Encode(Start);

        var decoded = EventCodec.DecodeAllocation(bytes);

        Assert.AreEqual(Start.Type, decoded.Type);
        Assert.AreEqual(Start.Time, decoded.Time);
        Assert.AreEqual(Start.Node, decoded.Node);
        CollectionAssert.AreEqual(Start.GpuUuids.ToList(), decoded.GpuUuids.ToList());
        Assert.AreEqual(Start.JobId, decoded.JobId);
        Assert.AreEqual(Start.User, decoded.User);
        Assert.AreEqual(Start.Team, decoded.Team);
    }

    [TestMethod]
    public void TheJsonUsesSnakeCaseNamesAndTheTypeName()
    {
        using var json = JsonDocument.Parse(EventCodec.Encode(Start));

        var root = json.RootElement;

        Assert.AreEqual("slurm-81234", root.GetProperty("job_id").GetString());
        Assert.AreEqual(2, root.GetProperty("gpu_uuids").GetArrayLength());
        Assert.AreEqual("Start", root.GetProperty("type").GetString());
        Assert.IsFalse(root.TryGetProperty("JobId", out _));
    }

    [TestMethod]
    public void MalformedJsonIsRejected()
    {
        var payload = Encoding.UTF8.GetBytes("{\"type\":\"Start\",\"job_id\":");

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeAllocation(payload));

        Assert.Contains("allocation event is not valid JSON", e.Message);
    }

    [TestMethod]
    public void AMissingRequiredPropertyIsRejected()
    {
        var payload = Encoding.UTF8.GetBytes(
            """{"type":"Start","time":"2025-06-01T08:30:00+00:00","node":"node-a","gpu_uuids":["GPU-1"],"user":"ada","team":"t"}""");

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeAllocation(payload));

        Assert.Contains("job_id", e.Message);
    }

    [TestMethod]
    public void AnEmptyGpuListIsRejectedNamingTheJob()
    {
        var payload = EventCodec.Encode(Start with { GpuUuids = [] });

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeAllocation(payload));

        Assert.Contains("slurm-81234", e.Message);
        Assert.Contains("0 GPUs", e.Message);
    }

    [TestMethod]
    public void MoreGpusThanTheBoundAreRejectedNamingTheJob()
    {
        var gpus = Enumerable.Range(0, EventCodec.MaxGpusPerAllocation + 1).Select(i => $"GPU-{i}").ToList();
        var payload = EventCodec.Encode(Start with { GpuUuids = gpus });

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeAllocation(payload));

        Assert.Contains("slurm-81234", e.Message);
        Assert.Contains($"{EventCodec.MaxGpusPerAllocation + 1} GPUs", e.Message);
    }

    [TestMethod]
    public void AsManyGpusAsTheBoundAreAccepted()
    {
        var gpus = Enumerable.Range(0, EventCodec.MaxGpusPerAllocation).Select(i => $"GPU-{i}").ToList();

        var decoded = EventCodec.DecodeAllocation(EventCodec.Encode(Start with { GpuUuids = gpus }));

        Assert.HasCount(EventCodec.MaxGpusPerAllocation, decoded.GpuUuids);
    }

    [TestMethod]
    public void AnEmptyGpuUuidIsRejectedNamingTheJob()
    {
        var payload = EventCodec.Encode(Start with { GpuUuids = ["GPU-1", " "] });

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeAllocation(payload));

        Assert.Contains("slurm-81234", e.Message);
        Assert.Contains("empty GPU UUID", e.Message);
    }

    [TestMethod]
    public void AnUndefinedEventTypeIsRejectedNamingTheJob()
    {
        var payload = EventCodec.Encode(Start with { Type = (AllocationEventType)7 });

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeAllocation(payload));

        Assert.Contains("slurm-81234", e.Message);
    }

    [TestMethod]
    public void APayloadOverTheByteBoundIsRejectedBeforeParsing()
    {
        var payload = new byte[EventCodec.MaxEventBytes + 1];

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeAllocation(payload));

        Assert.Contains($"{EventCodec.MaxEventBytes + 1} bytes", e.Message);
    }
}
