using Apache.Arrow;
using Apache.Arrow.Ipc;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Contract.Tests.Samples;

[TestClass]
public sealed class SampleBatchCodecTests
{
    [TestMethod]
    public void IdentityColumnsSurviveARoundTrip()
    {
        using var source = TestBatches.ThreeRows();

        using var decoded = SampleBatchCodec.Decode(SampleBatchCodec.Encode(source));

        Assert.AreEqual(3, decoded.Length);
        Assert.AreEqual(DateTimeOffset.FromUnixTimeMilliseconds(TestBatches.T0), decoded.Time.GetTimestamp(0));
        Assert.AreEqual(DateTimeOffset.FromUnixTimeMilliseconds(TestBatches.T0 + 2), decoded.Time.GetTimestamp(2));
        Assert.AreEqual(TestBatches.WholeGpu0, decoded.Identity(0));
        Assert.AreEqual(TestBatches.MigSlice, decoded.Identity(1));
        Assert.AreEqual(TestBatches.WholeGpu2, decoded.Identity(2));
    }

    [TestMethod]
    public void MigColumnsAreNullOnWholeGpuRows()
    {
        using var source = TestBatches.ThreeRows();

        using var decoded = SampleBatchCodec.Decode(SampleBatchCodec.Encode(source));

        Assert.IsNotNull(decoded.MigInstance);
        Assert.IsNotNull(decoded.MigProfile);
        Assert.AreEqual(3, decoded.MigInstance.GetValue(1));
        Assert.AreEqual("1g.10gb", decoded.MigProfile.GetString(1));
        Assert.IsTrue(decoded.MigInstance.IsNull(0));
        Assert.IsTrue(decoded.MigProfile.IsNull(2));
    }

    [TestMethod]
    public void FloatAndWholeNumberValuesSurviveARoundTrip()
    {
        using var source = TestBatches.ThreeRows();

        using var decoded = SampleBatchCodec.Decode(SampleBatchCodec.Encode(source));

        Assert.IsTrue(decoded.TryGetValue(FieldOrdinals.GpuTemp, 0, out var temp0));
        Assert.IsTrue(decoded.TryGetValue(FieldOrdinals.GpuTemp, 1, out var temp1));
        Assert.IsTrue(decoded.TryGetValue(FieldOrdinals.PowerUsage, 1, out var power1));
        Assert.IsTrue(decoded.TryGetInt64(FieldOrdinals.TotalEnergyConsumption, 0, out var energy0));
        Assert.IsTrue(decoded.TryGetInt64(FieldOrdinals.TotalEnergyConsumption, 1, out var energy1));
        Assert.IsTrue(decoded.TryGetInt64(FieldOrdinals.ClocksEventReasons, 1, out var reasons1));
        Assert.AreEqual(41.5, temp0);
        Assert.AreEqual(55.25, temp1);
        Assert.AreEqual(312.75, power1);
        Assert.AreEqual(123_456_789_012L, energy0);
        Assert.AreEqual(7L, energy1);
        Assert.AreEqual(ClockEventReasons.SwPowerCap, (ClockEventReasons)reasons1);
    }

    [TestMethod]
    public void NullReadingsStayNullInFloatAndWholeNumberColumns()
    {
        using var source = TestBatches.ThreeRows();

        using var decoded = SampleBatchCodec.Decode(SampleBatchCodec.Encode(source));

        Assert.IsFalse(decoded.TryGetValue(FieldOrdinals.GpuTemp, 2, out _));
        Assert.IsFalse(decoded.TryGetValue(FieldOrdinals.TotalEnergyConsumption, 2, out _));
        Assert.IsFalse(decoded.TryGetInt64(FieldOrdinals.TotalEnergyConsumption, 2, out _));
        Assert.IsFalse(decoded.TryGetValue(FieldOrdinals.SmClock, 0, out _));
        Assert.AreEqual(1, decoded.Field(FieldOrdinals.GpuTemp)!.NullCount);
        Assert.AreEqual(1, decoded.Field(FieldOrdinals.TotalEnergyConsumption)!.NullCount);
    }

    [TestMethod]
    public void APlainArrowReaderSeesTheSchemaVersionAndFieldIds()
    {
        using var source = TestBatches.ThreeRows();
        var bytes = SampleBatchCodec.Encode(source);

        using var reader = new ArrowStreamReader(new MemoryStream(bytes));
        using var batch = reader.ReadNextRecordBatch();
        var schema = reader.Schema;

        Assert.AreEqual(3, batch.Length);
        Assert.AreEqual("1", schema.Metadata[SampleSchema.VersionMetadataKey]);
        Assert.HasCount(SampleSchema.IdentityColumnCount + FieldCatalog.Count, schema.FieldsList);
        foreach (var field in FieldCatalog.All)
        {
            var column = schema.GetFieldByName(field.Name);
            Assert.AreEqual(field.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), column.Metadata[SampleSchema.FieldIdMetadataKey], field.Name);
        }
    }

    [TestMethod]
    public void FieldColumnsTheSenderLeftOutAreNull()
    {
        using var source = TestBatches.ThreeRows();
        string[] left = ["gpu_temp", "total_energy"];
        var bytes = TestBatches.Encode(source, TestBatches.Columns(source).Where(c => !left.Contains(c.Field.Name)));

        using var decoded = SampleBatchCodec.Decode(bytes);

        Assert.IsNull(decoded.Field(FieldOrdinals.GpuTemp));
        Assert.IsNull(decoded.Field(FieldOrdinals.TotalEnergyConsumption));
        Assert.IsFalse(decoded.TryGetValue(FieldOrdinals.GpuTemp, 0, out _));
        Assert.IsFalse(decoded.TryGetInt64(FieldOrdinals.TotalEnergyConsumption, 0, out _));
        Assert.IsTrue(decoded.TryGetValue(FieldOrdinals.PowerUsage, 0, out var power));
        Assert.AreEqual(312.75, power);
    }

    [TestMethod]
    public void AStreamWithoutMigColumnsDecodesAsWholeGpus()
    {
        using var source = TestBatches.ThreeRows();
        string[] left = [SampleSchema.MigInstance, SampleSchema.MigProfile];
        var bytes = TestBatches.Encode(source, TestBatches.Columns(source).Where(c => !left.Contains(c.Field.Name)));

        using var decoded = SampleBatchCodec.Decode(bytes);

        Assert.IsNull(decoded.MigInstance);
        Assert.AreEqual(TestBatches.MigSlice with { MigInstance = null, MigProfile = null }, decoded.Identity(1));
    }
}
