using Telemetry.Agent.Collectors.Nvml;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

/// <summary>
/// What a GPU behind <see cref="FakeNvml"/> reports, in NVML's own units. The defaults are the idle H100 80GB HBM3 of
/// ../shared/fixtures/nvidia-smi-h100-query-gpu-and-dmon.txt (driver 590.48.01), converted back to what NVML returns
/// (mW, bytes); the energy counter, which that capture lacks, is set past 2^32 mJ.
/// </summary>
internal sealed class FakeGpu(string uuid, string name = "NVIDIA H100 80GB HBM3")
{
    private readonly Dictionary<string, NvmlReturn> _failures = new(StringComparer.Ordinal);

    public string Uuid { get; } = uuid;
    public string Name { get; } = name;
    public uint SmClock { get; set; } = 1980;
    public uint MemClock { get; set; } = 2619;
    public uint MaxSmClock { get; set; } = 1980;
    public ulong ClocksEventReasons { get; set; }
    public uint PowerMilliwatts { get; set; } = 631_950;
    public uint PowerLimitMilliwatts { get; set; } = 700_000;
    public ulong EnergyMillijoules { get; set; } = 86_400_123_456_789;
    public uint GpuTemp { get; set; } = 59;
    public NvmlFieldValue MemoryTemp { get; set; } = new() { ValueType = NvmlValueType.UnsignedInt, Value = new NvmlValue { UnsignedInt = 54 } };
    public NvmlUtilization Utilization { get; set; } = new() { Gpu = 100, Memory = 11 };
    public NvmlMemory Memory { get; set; } = new() { Total = 81_559UL << 20, Free = 61_263UL << 20, Used = 19_818UL << 20 };
    public ulong EccCorrected { get; set; }
    public ulong EccUncorrected { get; set; }
    public uint PcieReplays { get; set; }

    /// <summary>GPM metric values in percent or MiB/s; a metric left out answers NVML_ERROR_NOT_SUPPORTED. Null: no GPM.</summary>
    public Dictionary<NvmlGpmMetricId, double>? Gpm { get; set; }

    public bool MigMode { get; set; }

    /// <summary>MIG device slots; a null slot holds no MIG device.</summary>
    public List<FakeMigDevice?> MigSlots { get; } = [];

    /// <summary>Makes the named <see cref="INvml"/> call fail for this GPU.</summary>
    public FakeGpu Fail(string call, NvmlReturn result)
    {
        _failures[call] = result;
        return this;
    }

    public NvmlReturn ResultOf(string call) => _failures.GetValueOrDefault(call, NvmlReturn.Success);
}
