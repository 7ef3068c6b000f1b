namespace Telemetry.Contract.Fields;

/// <summary>Catalog ordinals of the fields, resolved once, for hot paths that index field columns.</summary>
public static class FieldOrdinals
{
    /// <summary>Ordinal of <see cref="DcgmFieldId.SmClock"/>.</summary>
    public static readonly int SmClock = FieldCatalog.OrdinalOf(DcgmFieldId.SmClock);
    /// <summary>Ordinal of <see cref="DcgmFieldId.MemClock"/>.</summary>
    public static readonly int MemClock = FieldCatalog.OrdinalOf(DcgmFieldId.MemClock);
    /// <summary>Ordinal of <see cref="DcgmFieldId.MaxSmClock"/>.</summary>
    public static readonly int MaxSmClock = FieldCatalog.OrdinalOf(DcgmFieldId.MaxSmClock);
    /// <summary>Ordinal of <see cref="DcgmFieldId.ClocksEventReasons"/>.</summary>
    public static readonly int ClocksEventReasons = FieldCatalog.OrdinalOf(DcgmFieldId.ClocksEventReasons);
    /// <summary>Ordinal of <see cref="DcgmFieldId.MemoryTemp"/>.</summary>
    public static readonly int MemoryTemp = FieldCatalog.OrdinalOf(DcgmFieldId.MemoryTemp);
    /// <summary>Ordinal of <see cref="DcgmFieldId.GpuTemp"/>.</summary>
    public static readonly int GpuTemp = FieldCatalog.OrdinalOf(DcgmFieldId.GpuTemp);
    /// <summary>Ordinal of <see cref="DcgmFieldId.PowerUsage"/>.</summary>
    public static readonly int PowerUsage = FieldCatalog.OrdinalOf(DcgmFieldId.PowerUsage);
    /// <summary>Ordinal of <see cref="DcgmFieldId.TotalEnergyConsumption"/>.</summary>
    public static readonly int TotalEnergyConsumption = FieldCatalog.OrdinalOf(DcgmFieldId.TotalEnergyConsumption);
    /// <summary>Ordinal of <see cref="DcgmFieldId.EnforcedPowerLimit"/>.</summary>
    public static readonly int EnforcedPowerLimit = FieldCatalog.OrdinalOf(DcgmFieldId.EnforcedPowerLimit);
    /// <summary>Ordinal of <see cref="DcgmFieldId.PcieReplayCounter"/>.</summary>
    public static readonly int PcieReplayCounter = FieldCatalog.OrdinalOf(DcgmFieldId.PcieReplayCounter);
    /// <summary>Ordinal of <see cref="DcgmFieldId.GpuUtil"/>.</summary>
    public static readonly int GpuUtil = FieldCatalog.OrdinalOf(DcgmFieldId.GpuUtil);
    /// <summary>Ordinal of <see cref="DcgmFieldId.MemCopyUtil"/>.</summary>
    public static readonly int MemCopyUtil = FieldCatalog.OrdinalOf(DcgmFieldId.MemCopyUtil);
    /// <summary>Ordinal of <see cref="DcgmFieldId.XidErrors"/>.</summary>
    public static readonly int XidErrors = FieldCatalog.OrdinalOf(DcgmFieldId.XidErrors);
    /// <summary>Ordinal of <see cref="DcgmFieldId.FbTotal"/>.</summary>
    public static readonly int FbTotal = FieldCatalog.OrdinalOf(DcgmFieldId.FbTotal);
    /// <summary>Ordinal of <see cref="DcgmFieldId.FbFree"/>.</summary>
    public static readonly int FbFree = FieldCatalog.OrdinalOf(DcgmFieldId.FbFree);
    /// <summary>Ordinal of <see cref="DcgmFieldId.FbUsed"/>.</summary>
    public static readonly int FbUsed = FieldCatalog.OrdinalOf(DcgmFieldId.FbUsed);
    /// <summary>Ordinal of <see cref="DcgmFieldId.EccSbeVolatileTotal"/>.</summary>
    public static readonly int EccSbeVolatileTotal = FieldCatalog.OrdinalOf(DcgmFieldId.EccSbeVolatileTotal);
    /// <summary>Ordinal of <see cref="DcgmFieldId.EccDbeVolatileTotal"/>.</summary>
    public static readonly int EccDbeVolatileTotal = FieldCatalog.OrdinalOf(DcgmFieldId.EccDbeVolatileTotal);
    /// <summary>Ordinal of <see cref="DcgmFieldId.GrEngineActive"/>.</summary>
    public static readonly int GrEngineActive = FieldCatalog.OrdinalOf(DcgmFieldId.GrEngineActive);
    /// <summary>Ordinal of <see cref="DcgmFieldId.SmActive"/>.</summary>
    public static readonly int SmActive = FieldCatalog.OrdinalOf(DcgmFieldId.SmActive);
    /// <summary>Ordinal of <see cref="DcgmFieldId.SmOccupancy"/>.</summary>
    public static readonly int SmOccupancy = FieldCatalog.OrdinalOf(DcgmFieldId.SmOccupancy);
    /// <summary>Ordinal of <see cref="DcgmFieldId.PipeTensorActive"/>.</summary>
    public static readonly int PipeTensorActive = FieldCatalog.OrdinalOf(DcgmFieldId.PipeTensorActive);
    /// <summary>Ordinal of <see cref="DcgmFieldId.DramActive"/>.</summary>
    public static readonly int DramActive = FieldCatalog.OrdinalOf(DcgmFieldId.DramActive);
    /// <summary>Ordinal of <see cref="DcgmFieldId.PipeFp64Active"/>.</summary>
    public static readonly int PipeFp64Active = FieldCatalog.OrdinalOf(DcgmFieldId.PipeFp64Active);
    /// <summary>Ordinal of <see cref="DcgmFieldId.PipeFp32Active"/>.</summary>
    public static readonly int PipeFp32Active = FieldCatalog.OrdinalOf(DcgmFieldId.PipeFp32Active);
    /// <summary>Ordinal of <see cref="DcgmFieldId.PipeFp16Active"/>.</summary>
    public static readonly int PipeFp16Active = FieldCatalog.OrdinalOf(DcgmFieldId.PipeFp16Active);
    /// <summary>Ordinal of <see cref="DcgmFieldId.PcieTxBytes"/>.</summary>
    public static readonly int PcieTxBytes = FieldCatalog.OrdinalOf(DcgmFieldId.PcieTxBytes);
    /// <summary>Ordinal of <see cref="DcgmFieldId.PcieRxBytes"/>.</summary>
    public static readonly int PcieRxBytes = FieldCatalog.OrdinalOf(DcgmFieldId.PcieRxBytes);
    /// <summary>Ordinal of <see cref="DcgmFieldId.NvlinkTxBytes"/>.</summary>
    public static readonly int NvlinkTxBytes = FieldCatalog.OrdinalOf(DcgmFieldId.NvlinkTxBytes);
    /// <summary>Ordinal of <see cref="DcgmFieldId.NvlinkRxBytes"/>.</summary>
    public static readonly int NvlinkRxBytes = FieldCatalog.OrdinalOf(DcgmFieldId.NvlinkRxBytes);
}
