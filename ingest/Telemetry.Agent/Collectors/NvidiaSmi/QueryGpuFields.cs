using System.Collections.Frozen;
using Telemetry.Contract.Fields;
using Kind = Telemetry.Agent.Collectors.NvidiaSmi.QueryGpuColumnKind;

namespace Telemetry.Agent.Collectors.NvidiaSmi;

/// <summary>
/// The <c>nvidia-smi --query-gpu</c> fields the collector asks for and the catalog field each one fills. The names are
/// those nvidia-smi 590 prints in its CSV header; older aliases are understood too. Catalog fields nvidia-smi does not
/// offer stay null: it has no energy counter (<c>total_energy</c> needs NVML or DCGM), no PCIe replay counter, no XID
/// and none of the DCGM profiling ratios.
/// </summary>
internal static class QueryGpuFields
{
    /// <summary>The fields asked for, in the order of the columns nvidia-smi prints.</summary>
    public static IReadOnlyList<string> Query { get; } =
    [
        "index",
        "uuid",
        "name",
        "utilization.gpu",
        "utilization.memory",
        "power.draw",
        "enforced.power.limit",
        "temperature.gpu",
        "temperature.memory",
        "clocks.current.sm",
        "clocks.current.memory",
        "clocks.max.sm",
        "memory.total",
        "memory.used",
        "memory.free",
        "clocks_event_reasons.active",
        "ecc.errors.corrected.volatile.total",
        "ecc.errors.uncorrected.volatile.total",
    ];

    private static readonly FrozenDictionary<string, QueryGpuColumn> ByName = new Dictionary<string, QueryGpuColumn>(StringComparer.Ordinal)
    {
        ["index"] = new(Kind.Index),
        ["uuid"] = new(Kind.Uuid),
        ["gpu_uuid"] = new(Kind.Uuid),
        ["name"] = new(Kind.Name),
        ["gpu_name"] = new(Kind.Name),
        ["utilization.gpu"] = new(Kind.Number, FieldOrdinals.GpuUtil),
        ["utilization.memory"] = new(Kind.Number, FieldOrdinals.MemCopyUtil),
        ["power.draw"] = new(Kind.Number, FieldOrdinals.PowerUsage),
        ["enforced.power.limit"] = new(Kind.Number, FieldOrdinals.EnforcedPowerLimit),
        ["temperature.gpu"] = new(Kind.Number, FieldOrdinals.GpuTemp),
        ["temperature.memory"] = new(Kind.Number, FieldOrdinals.MemoryTemp),
        ["clocks.current.sm"] = new(Kind.Number, FieldOrdinals.SmClock),
        ["clocks.sm"] = new(Kind.Number, FieldOrdinals.SmClock),
        ["clocks.current.memory"] = new(Kind.Number, FieldOrdinals.MemClock),
        ["clocks.mem"] = new(Kind.Number, FieldOrdinals.MemClock),
        ["clocks.max.sm"] = new(Kind.Number, FieldOrdinals.MaxSmClock),
        ["memory.total"] = new(Kind.Number, FieldOrdinals.FbTotal),
        ["memory.used"] = new(Kind.Number, FieldOrdinals.FbUsed),
        ["memory.free"] = new(Kind.Number, FieldOrdinals.FbFree),
        ["clocks_event_reasons.active"] = new(Kind.Bitmask, FieldOrdinals.ClocksEventReasons),
        ["clocks_throttle_reasons.active"] = new(Kind.Bitmask, FieldOrdinals.ClocksEventReasons),
        ["ecc.errors.corrected.volatile.total"] = new(Kind.Number, FieldOrdinals.EccSbeVolatileTotal),
        ["ecc.errors.uncorrected.volatile.total"] = new(Kind.Number, FieldOrdinals.EccDbeVolatileTotal),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The <c>--query-gpu=...</c> argument.</summary>
    public static string QueryArgument { get; } = "--query-gpu=" + string.Join(',', Query);

    /// <summary>Where the column of this field name goes; <see cref="QueryGpuColumn.Ignored"/> for fields the collector does not use.</summary>
    public static QueryGpuColumn Resolve(string name) => ByName.TryGetValue(name, out var column) ? column : QueryGpuColumn.Ignored;
}
