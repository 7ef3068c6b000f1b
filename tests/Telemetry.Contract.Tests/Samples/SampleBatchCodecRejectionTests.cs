using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using Telemetry.Contract.Samples;

namespace Telemetry.Contract.Tests.Samples;

[TestClass]
public sealed class SampleBatchCodecRejectionTests
{
    [TestMethod]
    public void RandomBytesAreNotArrow()
    {
        var bytes = new byte[4096];
        new Random(20240607).NextBytes(bytes);

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.NotArrow, e.Error);
        Assert.Contains("Arrow", e.Message);
    }

    [TestMethod]
    public void AnEmptyPayloadIsRejected()
    {
        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(ReadOnlyMemory<byte>.Empty));

        Assert.AreEqual(SampleDecodeError.NotArrow, e.Error, e.Message);
    }

    [TestMethod]
    public void AnotherSchemaVersionIsUnsupported()
    {
        using var source = TestBatches.ThreeRows();
        var bytes = TestBatches.Encode(source, TestBatches.Columns(source), new Dictionary<string, string> { [SampleSchema.VersionMetadataKey] = "2" });

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.UnsupportedVersion, e.Error);
        Assert.Contains("'2'", e.Message);
    }

    [TestMethod]
    public void ASchemaWithoutVersionIsUnsupported()
    {
        using var source = TestBatches.ThreeRows();
        var bytes = TestBatches.Encode(source, TestBatches.Columns(source), new Dictionary<string, string> { ["other"] = "1" });

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.UnsupportedVersion, e.Error);
        Assert.Contains(SampleSchema.VersionMetadataKey, e.Message);
    }

    [TestMethod]
    public void AMissingGpuUuidColumnIsASchemaMismatch()
    {
        using var source = TestBatches.ThreeRows();
        var bytes = TestBatches.Encode(source, TestBatches.Columns(source).Where(c => c.Field.Name != SampleSchema.GpuUuid));

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.SchemaMismatch, e.Error);
        Assert.Contains("'gpu_uuid'", e.Message);
    }

    [TestMethod]
    public void AFieldColumnOfTheWrongTypeIsASchemaMismatch()
    {
        using var source = TestBatches.ThreeRows();
        using var integers = new Int64Array.Builder().Append(41).Append(55).Append(60).Build();
        var bytes = TestBatches.Encode(source, TestBatches.Columns(source).Select(c => c.Field.Name == "gpu_temp"
            ? (new Field("gpu_temp", Int64Type.Default, nullable: true), integers)
            : c));

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.SchemaMismatch, e.Error);
        Assert.Contains("'gpu_temp'", e.Message);
    }

    [TestMethod]
    public void TimesInSecondsAreASchemaMismatch()
    {
        using var source = TestBatches.ThreeRows();
        var seconds = new TimestampType(TimeUnit.Second, "UTC");
        using var times = new TimestampArray.Builder(seconds).Append(DateTimeOffset.UnixEpoch).Append(DateTimeOffset.UnixEpoch).Append(DateTimeOffset.UnixEpoch).Build();
        var bytes = TestBatches.Encode(source, TestBatches.Columns(source).Select(c => c.Field.Name == SampleSchema.Time
            ? (new Field(SampleSchema.Time, seconds, nullable: false), times)
            : c));

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.SchemaMismatch, e.Error);
        Assert.Contains("'time'", e.Message);
    }

    [TestMethod]
    public void NullsInAnIdentityColumnAreASchemaMismatch()
    {
        using var source = TestBatches.ThreeRows();
        using var nodes = new StringArray.Builder().Append("node-a").AppendNull().Append("node-a").Build();
        var bytes = TestBatches.Encode(source, TestBatches.Columns(source).Select(c => c.Field.Name == SampleSchema.Node
            ? (new Field(SampleSchema.Node, StringType.Default, nullable: true), nodes)
            : c));

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.SchemaMismatch, e.Error);
        Assert.Contains("'node'", e.Message);
        Assert.Contains("null", e.Message);
    }

    [TestMethod]
    public void TwoRecordBatchesInOneStreamAreRejected()
    {
        using var first = TestBatches.ThreeRows();
        using var second = TestBatches.ThreeRows();
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, first.Schema, leaveOpen: true))
        {
            writer.WriteRecordBatch(first);
            writer.WriteRecordBatch(second);
            writer.WriteEnd();
        }

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(stream.ToArray()));

        Assert.AreEqual(SampleDecodeError.BatchCount, e.Error);
        Assert.Contains("more than one", e.Message);
    }

    [TestMethod]
    public void AStreamWithASchemaButNoBatchIsRejected()
    {
        using var stream = new MemoryStream();
        using (var writer = new ArrowStreamWriter(stream, SampleSchema.Schema, leaveOpen: true))
        {
            writer.WriteStart();
            writer.WriteEnd();
        }

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(stream.ToArray()));

        Assert.AreEqual(SampleDecodeError.BatchCount, e.Error);
        Assert.Contains("no record batch", e.Message);
    }

    [TestMethod]
    public void APayloadOverTheByteBoundIsTooLarge()
    {
        using var source = TestBatches.ThreeRows();
        var bytes = SampleBatchCodec.Encode(source);

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes, maxPayloadBytes: bytes.Length - 1));

        Assert.AreEqual(SampleDecodeError.TooLarge, e.Error);
        Assert.Contains($"{bytes.Length} bytes", e.Message);
    }

    [TestMethod]
    public void APayloadAtTheByteBoundIsAccepted()
    {
        using var source = TestBatches.ThreeRows();
        var bytes = SampleBatchCodec.Encode(source);

        using var decoded = SampleBatchCodec.Decode(bytes, maxPayloadBytes: bytes.Length);

        Assert.AreEqual(3, decoded.Length);
    }

    [TestMethod]
    public void ABatchOverTheRowBoundIsTooLarge()
    {
        using var source = TestBatches.ThreeRows();
        var bytes = SampleBatchCodec.Encode(source);

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes, maxRows: 2));

        Assert.AreEqual(SampleDecodeError.TooLarge, e.Error);
        Assert.Contains("3 rows", e.Message);
    }
}
