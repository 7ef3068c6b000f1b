using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Contract.Tests.Samples;

/// <summary>The named hostile seeds for the Arrow decoder: batches that lie about their size, and cut-short buffers.</summary>
[TestClass]
public sealed class SampleBatchCodecHostileSeedTests
{
    [TestMethod]
    [DataRow(1L << 31)]
    [DataRow((1L << 31) - 1)]
    [DataRow(1L << 32)]
    [DataRow(long.MaxValue)]
    [DataRow(-1L)]
    [DataRow(4L)]
    public void ABatchClaimingMoreRowsThanItHoldsIsRejected(long rows)
    {
        var bytes = ArrowIpcBytes.Of(ThreeRows()).WithLength(rows).Bytes;

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.Contains(rows.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Message);
    }

    [TestMethod]
    public void ABatchWhoseEveryColumnClaimsTwoToTheThirtyOneRowsIsRejected()
    {
        var ipc = ArrowIpcBytes.Of(ThreeRows()).WithLength(1L << 31);
        for (var node = 0; node < ipc.NodeCount; node++)
        {
            ipc.WithNodeLength(node, 1L << 31);
        }

        Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(ipc.Bytes));
    }

    [TestMethod]
    public void AColumnClaimingMoreRowsThanTheBatchIsRejected()
    {
        var bytes = ArrowIpcBytes.Of(ThreeRows()).WithNodeLength(1, 1000).Bytes;

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.NotArrow, e.Error, e.Message);
    }

    [TestMethod]
    public void EveryBufferEmptiedIsRejected()
    {
        var ipc = ArrowIpcBytes.Of(ThreeRows());
        for (var buffer = 0; buffer < ipc.BufferCount; buffer++)
        {
            if (ipc.Buffer(buffer).Length == 0)
            {
                continue;
            }

            var bytes = ArrowIpcBytes.Of(ThreeRows()).WithBufferLength(buffer, 0).Bytes;

            var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes), $"buffer {buffer}");
            Assert.AreEqual(SampleDecodeError.NotArrow, e.Error, e.Message);
        }
    }

    [TestMethod]
    public void AStreamCutInsideItsRecordBatchIsRejected()
    {
        var bytes = ThreeRows();
        var ipc = ArrowIpcBytes.Of(bytes);
        var end = ipc.BodyStart + (int)ipc.BodyLength;
        for (var length = 0; length < bytes.Length; length++)
        {
            if (length < end)
            {
                var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes.AsMemory(0, length)), $"cut at {length}");
                Assert.IsTrue(e.Error is SampleDecodeError.NotArrow or SampleDecodeError.BatchCount, $"cut at {length}: {e.Error}");
            }
            else
            {
                // A cut end marker may be read as the end of the stream, or refused: the batch is whole either way.
                try
                {
                    using var batch = SampleBatchCodec.Decode(bytes.AsMemory(0, length));
                    Assert.AreEqual(3, batch.Length, $"cut at {length}");
                }
                catch (SampleDecodeException e)
                {
                    Assert.AreEqual(SampleDecodeError.NotArrow, e.Error, $"cut at {length}");
                }
            }
        }
    }

    [TestMethod]
    public void ABufferPointingPastTheBodyIsRejected()
    {
        var ipc = ArrowIpcBytes.Of(ThreeRows());
        var bytes = ipc.WithBufferOffset(1, ipc.BodyLength).Bytes;

        Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));
    }

    [TestMethod]
    public void ABatchClaimingSevenHundredMillionFieldNodesIsRejectedWithoutAllocatingForThem()
    {
        var bytes = ArrowIpcBytes.Of(ThreeRows()).WithNodeCount(758_132_016).Bytes;
        var before = GC.GetTotalAllocatedBytes(precise: true);

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.NotArrow, e.Error, e.Message);
        Assert.IsLessThan(64L << 20, GC.GetTotalAllocatedBytes(precise: true) - before, "bytes allocated to reject 12 KB");
    }

    [TestMethod]
    public void ABatchWithFewerFieldNodesThanTheSchemaHasFieldsIsRejected()
    {
        var ipc = ArrowIpcBytes.Of(ThreeRows());
        var bytes = ipc.WithNodeCount(ipc.NodeCount - 1).Bytes;

        var e = Assert.ThrowsExactly<SampleDecodeException>(() => SampleBatchCodec.Decode(bytes));

        Assert.AreEqual(SampleDecodeError.NotArrow, e.Error, e.Message);
    }

    [TestMethod]
    public void NaNAndInfiniteReadingsAreReadAsNoReading()
    {
        var builder = new SampleBatchBuilder();
        var values = new double?[FieldCatalog.Count];
        values[FieldOrdinals.PowerUsage] = double.NaN;
        values[FieldOrdinals.GpuTemp] = double.PositiveInfinity;
        values[FieldOrdinals.GpuUtil] = 1e300;
        values[FieldOrdinals.SmClock] = -0.0;
        builder.Append(TestBatches.T0, TestBatches.WholeGpu0, values);
        using var source = builder.Build();

        using var batch = SampleBatchCodec.Decode(SampleBatchCodec.Encode(source));

        Assert.IsFalse(batch.TryGetValue(FieldOrdinals.PowerUsage, 0, out _));
        Assert.IsFalse(batch.TryGetValue(FieldOrdinals.GpuTemp, 0, out _));
        Assert.IsFalse(batch.TryGetValue(FieldOrdinals.GpuUtil, 0, out _), "1e300 is infinite as a float");
        Assert.IsTrue(batch.TryGetValue(FieldOrdinals.SmClock, 0, out var clock));
        Assert.AreEqual(0.0, clock);
    }

    private static byte[] ThreeRows()
    {
        using var batch = TestBatches.ThreeRows();
        return SampleBatchCodec.Encode(batch);
    }
}
