using Telemetry.Contract.Fields;

namespace Telemetry.Contract.Tests.Fields;

[TestClass]
public sealed class FieldCatalogTests
{
    [TestMethod]
    [DataRow((ushort)1004, "tensor_active")]
    [DataRow((ushort)1004, "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE")]
    [DataRow((ushort)1004, "DCGM_FI_PROF_TENSOR_UTIL_RATIO")]
    [DataRow((ushort)112, "clocks_event_reasons")]
    [DataRow((ushort)112, "DCGM_FI_DEV_CLOCK_THROTTLE_REASONS")]
    [DataRow((ushort)112, "DCGM_FI_DEV_CLOCKS_EVENT_REASONS")]
    [DataRow((ushort)155, "power_usage")]
    [DataRow((ushort)155, "DCGM_FI_DEV_POWER_USAGE")]
    [DataRow((ushort)155, "DCGM_FI_DEV_BOARD_POWER_WATTS")]
    [DataRow((ushort)393, "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS")]
    [DataRow((ushort)393, "DCGM_FI_DEV_ROW_REMAP_UNCORRECTABLE_TOTAL")]
    [DataRow((ushort)394, "DCGM_FI_DEV_ROW_REMAP_CORRECTABLE_TOTAL")]
    [DataRow((ushort)395, "row_remap_failure")]
    [DataRow((ushort)395, "DCGM_FI_DEV_ROW_REMAP_FAILED")]
    public void EachNameOfAFieldFindsTheSameFieldAsItsId(ushort id, string name)
    {
        var byId = FieldCatalog.Get(id);

        var found = FieldCatalog.TryGetByName(name, out var byName);

        Assert.IsTrue(found, $"'{name}' is not in the catalog.");
        Assert.AreSame(byId, byName);
    }

    [TestMethod]
    public void NameLookupIsCaseSensitiveAsDcgmSpellsNames()
    {
        var found = FieldCatalog.TryGetByName("dcgm_fi_dev_gpu_temp", out var field);

        Assert.IsFalse(found);
        Assert.IsNull(field);
    }

    [TestMethod]
    public void IdsAreUnique()
    {
        var ids = FieldCatalog.All.Select(f => f.Id).ToList();

        Assert.HasCount(ids.Count, ids.Distinct());
    }

    [TestMethod]
    public void NoNameBelongsToTwoFields()
    {
        var owners = FieldCatalog.All
            .SelectMany(f => new[] { f.Name, f.DcgmName, f.Dcgm4Name }.Distinct().Select(name => (Name: name, f.Id)))
            .GroupBy(p => p.Name, StringComparer.Ordinal);

        var shared = owners.Where(g => g.Count() > 1).Select(g => g.Key).ToList();

        Assert.IsEmpty(shared, "Names used by more than one field: " + string.Join(", ", shared));
    }

    [TestMethod]
    public void AnUnknownIdThrowsNamingTheId()
    {
        var e = Assert.ThrowsExactly<KeyNotFoundException>(() => FieldCatalog.Get(4242));

        Assert.Contains("4242", e.Message);
    }

    [TestMethod]
    public void OrdinalOfAnUnknownIdThrowsNamingTheId()
    {
        var e = Assert.ThrowsExactly<KeyNotFoundException>(() => FieldCatalog.OrdinalOf(4243));

        Assert.Contains("4243", e.Message);
    }

    [TestMethod]
    public void OrdinalsArePositionsInTheCatalog()
    {
        for (var ordinal = 0; ordinal < FieldCatalog.Count; ordinal++)
        {
            Assert.AreEqual(ordinal, FieldCatalog.OrdinalOf(FieldCatalog.All[ordinal].Id));
        }

        Assert.AreSame(FieldCatalog.Get(DcgmFieldId.GpuTemp), FieldCatalog.All[FieldOrdinals.GpuTemp]);
        Assert.AreSame(FieldCatalog.Get(DcgmFieldId.NvlinkRxBytes), FieldCatalog.All[FieldOrdinals.NvlinkRxBytes]);
    }

    [TestMethod]
    [DataRow((ushort)100, "DCGM_FI_DEV_SM_CLOCK")]
    [DataRow((ushort)101, "DCGM_FI_DEV_MEM_CLOCK")]
    [DataRow((ushort)112, "DCGM_FI_DEV_CLOCK_THROTTLE_REASONS")]
    [DataRow((ushort)140, "DCGM_FI_DEV_MEMORY_TEMP")]
    [DataRow((ushort)150, "DCGM_FI_DEV_GPU_TEMP")]
    [DataRow((ushort)155, "DCGM_FI_DEV_POWER_USAGE")]
    [DataRow((ushort)156, "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION")]
    [DataRow((ushort)164, "DCGM_FI_DEV_ENFORCED_POWER_LIMIT")]
    [DataRow((ushort)203, "DCGM_FI_DEV_GPU_UTIL")]
    [DataRow((ushort)204, "DCGM_FI_DEV_MEM_COPY_UTIL")]
    [DataRow((ushort)230, "DCGM_FI_DEV_XID_ERRORS")]
    [DataRow((ushort)250, "DCGM_FI_DEV_FB_TOTAL")]
    [DataRow((ushort)251, "DCGM_FI_DEV_FB_FREE")]
    [DataRow((ushort)252, "DCGM_FI_DEV_FB_USED")]
    [DataRow((ushort)310, "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL")]
    [DataRow((ushort)311, "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL")]
    [DataRow((ushort)393, "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS")]
    [DataRow((ushort)394, "DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS")]
    [DataRow((ushort)395, "DCGM_FI_DEV_ROW_REMAP_FAILURE")]
    [DataRow((ushort)1001, "DCGM_FI_PROF_GR_ENGINE_ACTIVE")]
    [DataRow((ushort)1002, "DCGM_FI_PROF_SM_ACTIVE")]
    [DataRow((ushort)1003, "DCGM_FI_PROF_SM_OCCUPANCY")]
    [DataRow((ushort)1004, "DCGM_FI_PROF_PIPE_TENSOR_ACTIVE")]
    [DataRow((ushort)1005, "DCGM_FI_PROF_DRAM_ACTIVE")]
    [DataRow((ushort)1009, "DCGM_FI_PROF_PCIE_TX_BYTES")]
    [DataRow((ushort)1010, "DCGM_FI_PROF_PCIE_RX_BYTES")]
    [DataRow((ushort)1011, "DCGM_FI_PROF_NVLINK_TX_BYTES")]
    [DataRow((ushort)1012, "DCGM_FI_PROF_NVLINK_RX_BYTES")]
    public void TheCatalogHoldsEveryRequiredFieldUnderItsClassicName(ushort id, string classicName)
    {
        var found = FieldCatalog.TryGet(id, out var field);

        Assert.IsTrue(found, $"Field {id} ({classicName}) is missing.");
        Assert.AreEqual(classicName, field?.DcgmName);
    }

    [TestMethod]
    public void FieldsAddedLaterKeepTheOrdinalsOfTheFieldsBeforeThem()
    {
        Assert.AreEqual(0, FieldOrdinals.SmClock);
        Assert.AreEqual(29, FieldOrdinals.NvlinkRxBytes);
        Assert.AreEqual(30, FieldOrdinals.UncorrectableRemappedRows);
        Assert.AreEqual(31, FieldOrdinals.CorrectableRemappedRows);
        Assert.AreEqual(32, FieldOrdinals.RowRemapFailure);
    }

    [TestMethod]
    public void RemappedRowCountsAreWholeNumberCountersAndTheRemapFailureIsAWholeNumberGauge()
    {
        var counts = new[] { DcgmFieldId.UncorrectableRemappedRows, DcgmFieldId.CorrectableRemappedRows }.Select(FieldCatalog.Get);
        var failure = FieldCatalog.Get(DcgmFieldId.RowRemapFailure);

        foreach (var field in counts)
        {
            Assert.AreEqual(FieldKind.Counter, field.Kind, field.Name);
            Assert.AreEqual(FieldValueType.WholeNumber, field.ValueType, field.Name);
        }

        Assert.AreEqual(FieldKind.Gauge, failure.Kind);
        Assert.AreEqual(FieldValueType.WholeNumber, failure.ValueType);
    }

    [TestMethod]
    public void TotalEnergyIsAWholeNumberCounterInMillijoules()
    {
        var energy = FieldCatalog.Get(DcgmFieldId.TotalEnergyConsumption);

        Assert.AreEqual(FieldKind.Counter, energy.Kind);
        Assert.AreEqual(FieldValueType.WholeNumber, energy.ValueType);
        Assert.AreEqual("mJ", energy.Unit);
    }

    [TestMethod]
    public void ClockEventReasonsIsAWholeNumberBitmask()
    {
        var reasons = FieldCatalog.Get(DcgmFieldId.ClocksEventReasons);

        Assert.AreEqual(FieldKind.Bitmask, reasons.Kind);
        Assert.AreEqual(FieldValueType.WholeNumber, reasons.ValueType);
    }

    [TestMethod]
    public void EccErrorCountsAreWholeNumberCounters()
    {
        var counts = new[] { DcgmFieldId.EccSbeVolatileTotal, DcgmFieldId.EccDbeVolatileTotal }.Select(FieldCatalog.Get);

        foreach (var field in counts)
        {
            Assert.AreEqual(FieldKind.Counter, field.Kind, field.Name);
            Assert.AreEqual(FieldValueType.WholeNumber, field.ValueType, field.Name);
        }
    }
}
