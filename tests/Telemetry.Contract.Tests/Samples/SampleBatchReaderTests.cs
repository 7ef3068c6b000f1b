using Apache.Arrow;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Contract.Tests.Samples;

/// <summary>
/// A reader hands out one batch object for payloads read in place, each time holding that payload's rows only, and
/// allocates nothing for them. The codec remembers the last schema it read in full, process-wide, so these tests run
/// alone.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class SampleBatchReaderTests
{
    [TestMethod]
    public void ABatchReadInPlaceIsReusedWithTheNextPayloadsRowsOnly()
    {
        var reader = new SampleBatchReader();
        var three = Payload(3, gpuTemp: 40);
        var two = Payload(2, gpuTemp: 70);
        reader.Read(three).Dispose();

        var first = reader.Read(three);
        // Arrays built on demand for the first payload must not outlive it.
        var firstTemps = (FloatArray)first.Field(FieldOrdinals.GpuTemp)!;
        Assert.AreEqual(42f, firstTemps.GetValue(2));
        Assert.AreEqual(3, first.Batch.Length);
        var second = reader.Read(two);

        Assert.AreSame(first, second, "read in place into the same object");
        Assert.AreEqual(2, second.Length);
        Assert.AreEqual(2, second.Batch.Length);
        Assert.AreEqual(71f, ((FloatArray)second.Field(FieldOrdinals.GpuTemp)!).GetValue(1));
        Assert.AreEqual(71f, second.FloatField(FieldOrdinals.GpuTemp).Values[1]);
        Assert.AreEqual("GPU-1", second.Identity(1).Uuid);
        Assert.AreEqual(TestBatches.T0 + 1, second.TimeView.Values[1]);
    }

    [TestMethod]
    public void APayloadNotReadInPlaceGetsABatchOfItsOwnAndTheReusedOneComesBack()
    {
        var reader = new SampleBatchReader();
        var payload = Payload(3, gpuTemp: 40);
        reader.Read(payload).Dispose();
        var reused = reader.Read(payload);

        // Another schema (no MIG columns) is read in full, into a new batch.
        using var other = reader.Read(PayloadWithoutMig());
        Assert.AreNotSame(reused, other);
        Assert.AreEqual(1, other.Length);
        Assert.IsNull(other.MigInstance);

        reader.Read(payload).Dispose();
        var again = reader.Read(payload);
        Assert.AreSame(reused, again);
        Assert.AreEqual(3, again.Length);
        Assert.IsNotNull(again.MigInstance);
    }

    [TestMethod]
    public void ABadPayloadIsRejectedAndTheNextGoodOneIsReadWhole()
    {
        var reader = new SampleBatchReader(maxRows: 3);
        var three = Payload(3, gpuTemp: 40);
        reader.Read(three).Dispose();
        var batch = reader.Read(three);

        var tooMany = Assert.ThrowsExactly<SampleDecodeException>(() => reader.Read(Payload(4, gpuTemp: 10)));
        Assert.AreEqual(SampleDecodeError.TooLarge, tooMany.Error);
        var cut = Assert.ThrowsExactly<SampleDecodeException>(() => reader.Read(three.AsMemory(0, three.Length - 20)));
        Assert.IsNotNull(cut.Message);

        var good = reader.Read(Payload(2, gpuTemp: 80));
        Assert.AreSame(batch, good);
        Assert.AreEqual(2, good.Length);
        Assert.AreEqual(81f, good.FloatField(FieldOrdinals.GpuTemp).Values[1]);
    }

    [TestMethod]
    public void ReadingPayloadsInPlaceAllocatesNothing()
    {
        var reader = new SampleBatchReader();
        var payloads = Enumerable.Range(0, 4).Select(i => Payload(8, gpuTemp: i)).ToArray();
        foreach (var payload in payloads)
        {
            reader.Read(payload).Dispose();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        var rows = 0L;
        for (var round = 0; round < 100; round++)
        {
            foreach (var payload in payloads)
            {
                using var batch = reader.Read(payload);
                rows += batch.Length + batch.FloatField(FieldOrdinals.GpuTemp).Values.Length + batch.GpuUuidView.Offsets.Length;
            }
        }

        Assert.AreEqual(0, GC.GetAllocatedBytesForCurrentThread() - before, $"bytes allocated reading {rows} rows' columns");
    }

    private static byte[] Payload(int rows, double gpuTemp)
    {
        var builder = new SampleBatchBuilder();
        for (var row = 0; row < rows; row++)
        {
            var gpu = row == 0 ? TestBatches.MigSlice : new GpuIdentity("node-a", $"GPU-{row}", row, "NVIDIA H100 80GB HBM3");
            builder.Append(TestBatches.T0 + row, gpu, TestBatches.Values(gpuTemp + row, energy: row, reasons: 0));
        }

        using var batch = builder.Build();
        return SampleBatchCodec.Encode(batch);
    }

    private static byte[] PayloadWithoutMig()
    {
        var builder = new SampleBatchBuilder();
        builder.Append(TestBatches.T0, TestBatches.WholeGpu0, TestBatches.Values(50, energy: 1, reasons: 0));
        using var batch = builder.Build();
        return TestBatches.Encode(batch, TestBatches.Columns(batch).Where(c => c.Field.Name is not (SampleSchema.MigInstance or SampleSchema.MigProfile)));
    }
}
