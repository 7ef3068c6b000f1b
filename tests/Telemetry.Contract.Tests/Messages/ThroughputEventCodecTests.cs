using System.Text;
using System.Text.Json;
using Telemetry.Contract.Messages;

namespace Telemetry.Contract.Tests.Messages;

[TestClass]
public sealed class ThroughputEventCodecTests
{
    private static readonly ThroughputEvent Tokens = new(
        "slurm-81234",
        new DateTimeOffset(2025, 6, 1, 8, 30, 0, TimeSpan.Zero),
        new DateTimeOffset(2025, 6, 1, 8, 30, 10, TimeSpan.Zero),
        1_250_000,
        "tokens");

    [TestMethod]
    public void AThroughputEventSurvivesARoundTrip()
    {
        var bytes = EventCodec.Encode(Tokens);

        var decoded = EventCodec.DecodeThroughput(bytes);

        Assert.AreEqual(Tokens, decoded);
    }

    [TestMethod]
    public void TheJsonUsesSnakeCaseNames()
    {
        using var json = JsonDocument.Parse(EventCodec.Encode(Tokens));

        var root = json.RootElement;

        Assert.AreEqual("slurm-81234", root.GetProperty("job_id").GetString());
        Assert.AreEqual(1_250_000, root.GetProperty("count").GetInt64());
        Assert.AreEqual("tokens", root.GetProperty("unit").GetString());
    }

    [TestMethod]
    public void AnEndBeforeTheStartIsRejectedNamingTheJob()
    {
        var payload = EventCodec.Encode(Tokens with { End = Tokens.Start.AddSeconds(-1) });

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput(payload));

        Assert.Contains("slurm-81234", e.Message);
        Assert.Contains("before it starts", e.Message);
    }

    [TestMethod]
    public void ANegativeCountIsRejectedNamingTheJob()
    {
        var payload = EventCodec.Encode(Tokens with { Count = -5 });

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput(payload));

        Assert.Contains("slurm-81234", e.Message);
        Assert.Contains("-5", e.Message);
    }

    [TestMethod]
    public void AnUnknownUnitIsRejectedNamingTheJob()
    {
        var payload = EventCodec.Encode(Tokens with { Unit = "images" });

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput(payload));

        Assert.Contains("slurm-81234", e.Message);
        Assert.Contains("'images'", e.Message);
    }

    [TestMethod]
    public void SamplesAreAnAcceptedUnit()
    {
        var decoded = EventCodec.DecodeThroughput(EventCodec.Encode(Tokens with { Unit = "samples" }));

        Assert.AreEqual("samples", decoded.Unit);
    }

    [TestMethod]
    public void AMissingRequiredPropertyIsRejected()
    {
        var payload = Encoding.UTF8.GetBytes("""{"job_id":"j","start":"2025-06-01T08:30:00Z","end":"2025-06-01T08:31:00Z","count":1}""");

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput(payload));

        Assert.Contains("unit", e.Message);
    }

    [TestMethod]
    public void JsonNullIsRejected()
    {
        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput("null"u8));

        Assert.Contains("null", e.Message);
    }

    [TestMethod]
    public void APayloadOverTheByteBoundIsRejected()
    {
        var payload = new byte[EventCodec.MaxEventBytes + 1];

        var e = Assert.ThrowsExactly<EventDecodeException>(() => EventCodec.DecodeThroughput(payload));

        Assert.Contains($"bound of {EventCodec.MaxEventBytes} bytes", e.Message);
    }
}
