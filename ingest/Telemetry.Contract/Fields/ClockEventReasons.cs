namespace Telemetry.Contract.Fields;

/// <summary>Bits of <see cref="DcgmFieldId.ClocksEventReasons"/>, one to one with NVML's clock event reasons.</summary>
[Flags]
public enum ClockEventReasons : long
{
    /// <summary>No reason: clocks run at their maximum.</summary>
    None = 0,
    /// <summary>Nothing runs and clocks drop to idle.</summary>
    GpuIdle = 0x001,
    /// <summary>Limited by the applications clocks setting.</summary>
    ApplicationsClocksSetting = 0x002,
    /// <summary>The software power cap holds clocks down.</summary>
    SwPowerCap = 0x004,
    /// <summary>Hardware slowdown (temperature, power brake or supply).</summary>
    HwSlowdown = 0x008,
    /// <summary>Sync boost with other GPUs.</summary>
    SyncBoost = 0x010,
    /// <summary>Software thermal slowdown.</summary>
    SwThermalSlowdown = 0x020,
    /// <summary>Hardware thermal slowdown.</summary>
    HwThermalSlowdown = 0x040,
    /// <summary>Hardware power brake slowdown.</summary>
    HwPowerBrakeSlowdown = 0x080,
    /// <summary>Display clock setting.</summary>
    DisplayClockSetting = 0x100,

    /// <summary>The reasons that mean the GPU is throttled against its will (thermal, power brake, hardware slowdown).</summary>
    Throttling = HwSlowdown | SwThermalSlowdown | HwThermalSlowdown | HwPowerBrakeSlowdown,
}
