using CsCheck;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;
using Telemetry.Hostile;

namespace Telemetry.Contract.Tests.Samples;

/// <summary>
/// Valid batches built with <see cref="SampleBatchBuilder"/>, encoded, then mutated (bytes edited, or the record batch
/// message made to lie about its rows, columns and buffers): each decodes into a batch whose every row can be read,
/// every reading finite, or is rejected with <see cref="SampleDecodeException"/>. Nothing else is thrown.
/// </summary>
[TestClass]
public sealed class SampleBatchCodecHostileProperties
{
    private const int MaxRows = 1000;

    private static readonly Gen<double?> Reading = Gen.Frequency(
        (4, Gen.Double[-1e6, 1e6].Select(d => (double?)d)),
        (2, Gen.Const((double?)null)),
        (2, Gen.OneOf<double?>(double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 1e300, -1e300, double.Epsilon, long.MaxValue)));

    private static readonly Gen<GpuIdentity> Gpu =
        Gen.Select(Gen.String[0, 12], Gen.String[1, 40], Gen.Int, Gen.String[0, 30], Gen.Int[0, 14].Nullable(0.7), Gen.String[0, 8].Null(0.5))
            .Select((node, uuid, index, model, mig, profile) => new GpuIdentity(node, uuid, index, model, mig, profile));

    private static readonly Gen<(long Time, GpuIdentity Gpu, double?[] Values)> Row =
        Gen.Select(Gen.Long[-62_135_596_800_000, 253_402_300_799_999], Gpu, Reading.Array[FieldCatalog.Count]);

    /// <summary>The encoded stream of 0 to 12 rows.</summary>
    private static readonly Gen<byte[]> Encoded = Rows(0);

    /// <summary>The encoded stream of 1 to 12 rows, whose row count the message always writes out.</summary>
    private static readonly Gen<byte[]> EncodedWithRows = Rows(1);

    private static readonly Gen<long> Lie = Gen.Frequency(
        (3, Gen.OneOf(0L, -1L, 1L, 2L, 3L, 13L, 1L << 31, (1L << 31) - 1, 1L << 32, long.MaxValue, long.MinValue, int.MinValue)),
        (1, Gen.Long));

    private static Gen<byte[]> Rows(int least) => Row.Array[least, 12].Select(rows =>
    {
        var builder = new SampleBatchBuilder();
        foreach (var (time, gpu, values) in rows)
        {
            builder.Append(time, gpu, values);
        }

        using var batch = builder.Build();
        return SampleBatchCodec.Encode(batch);
    });

    [TestMethod]
    public void AnUneditedBatchDecodesWithItsRowsAndOnlyFiniteReadings()
    {
        Encoded.Sample(bytes =>
        {
            using var batch = SampleBatchCodec.Decode(bytes, maxRows: MaxRows);

            AssertEveryRowReadable(batch);
        }, iter: HostileRun.Iterations(200), threads: 1);
    }

    [TestMethod]
    public void AnEditedStreamDecodesIntoReadableRowsOrIsRejected()
    {
        Encoded.SelectMany(bytes => Mutation.Of(bytes, maxEdits: 3, maxRun: 4096)).Sample(
            bytes => HostileRun.Bounded(() => DecodeOrReject(bytes), "decoding a batch"),
            iter: HostileRun.Iterations(1000), threads: 1);
    }

    [TestMethod]
    public void ABatchLyingAboutItsRowsColumnsOrBuffersDecodesIntoReadableRowsOrIsRejected()
    {
        var lies = Gen.Select(EncodedWithRows, Gen.Int[0, 4], Gen.Int[0, 1000], Lie).Select((bytes, what, which, value) => Tell(bytes, what, which, value));

        lies.Sample(bytes => HostileRun.Bounded(() => DecodeOrReject(bytes), "decoding a batch"), iter: HostileRun.Iterations(1000), threads: 1);
    }

    private static byte[] Tell(byte[] bytes, int what, int which, long value)
    {
        var ipc = ArrowIpcBytes.Of(bytes);
        return what switch
        {
            0 => ipc.WithLength(value).Bytes,
            1 => ipc.WithNodeLength(which % ipc.NodeCount, value).Bytes,
            2 => ipc.WithNodeNullCount(which % ipc.NodeCount, value).Bytes,
            3 => ipc.WithBufferOffset(which % ipc.BufferCount, value).Bytes,
            _ => ipc.WithBufferLength(which % ipc.BufferCount, value).Bytes,
        };
    }

    private static void DecodeOrReject(byte[] bytes)
    {
        SampleBatch batch;
        try
        {
            batch = SampleBatchCodec.Decode(bytes, maxRows: MaxRows);
        }
        catch (SampleDecodeException e)
        {
            Assert.IsTrue(Enum.IsDefined(e.Error));
            Assert.IsFalse(string.IsNullOrEmpty(e.Message));
            return;
        }

        using (batch)
        {
            AssertEveryRowReadable(batch);
        }
    }

    /// <summary>
    /// What the aggregator reads of a batch: every identity and every field of every row, through the Arrow arrays and
    /// through the in-place views, which must agree.
    /// </summary>
    private static void AssertEveryRowReadable(SampleBatch batch)
    {
        Assert.IsTrue(batch.Length is >= 0 and <= MaxRows, $"{batch.Length} rows");
        for (var row = 0; row < batch.Length; row++)
        {
            var gpu = batch.Identity(row);
            Assert.IsNotNull(gpu.Uuid);
            Assert.AreEqual(batch.Time.Values[row], batch.TimeView.Values[row]);
            Assert.IsTrue(batch.GpuUuidView.Bytes(row).SequenceEqual(batch.GpuUuid.GetBytes(row)), $"UUID of row {row}");
            var migs = batch.MigInstanceView;
            Assert.AreEqual(batch.MigInstance?.GetValue(row), migs.Exists && migs.IsValid(row) ? migs.Values[row] : null, $"MIG instance of row {row}");
            for (var ordinal = 0; ordinal < FieldCatalog.Count; ordinal++)
            {
                if (batch.TryGetValue(ordinal, row, out var value))
                {
                    Assert.IsTrue(double.IsFinite(value), $"field {FieldCatalog.All[ordinal].Name} of row {row} reads {value}");
                }

                var floats = batch.FloatField(ordinal);
                if (floats.Exists && floats.IsValid(row) && float.IsFinite(floats.Values[row]))
                {
                    Assert.AreEqual(value, floats.Values[row], $"field {FieldCatalog.All[ordinal].Name} of row {row} in place");
                }

                var longs = batch.Int64Field(ordinal);
                Assert.AreEqual(batch.TryGetInt64(ordinal, row, out var whole) ? whole : null, longs.Exists && longs.IsValid(row) ? longs.Values[row] : (long?)null);
            }
        }
    }
}
