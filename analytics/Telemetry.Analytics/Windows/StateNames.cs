namespace Telemetry.Analytics.Windows;

/// <summary>The names states, bounds and confidences have in the ledger and reports.</summary>
public static class StateNames
{
    /// <summary>A state's name: allocated-idle, memory-parked, ...</summary>
    public static string Of(GpuState state) => state switch
    {
        GpuState.Throttled => "throttled",
        GpuState.Productive => "productive",
        GpuState.MemoryParked => "memory-parked",
        GpuState.AllocatedIdle => "allocated-idle",
        GpuState.Zombie => "zombie",
        GpuState.UnallocatedIdle => "unallocated-idle",
        GpuState.UnallocatedBusy => "unallocated-busy",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>A confidence's name: agree, counter-only, ...</summary>
    public static string Of(EnergyConfidence confidence) => confidence switch
    {
        EnergyConfidence.Agree => "agree",
        EnergyConfidence.CounterOnly => "counter-only",
        EnergyConfidence.IntegralOnly => "integral-only",
        EnergyConfidence.Disagree => "disagree",
        EnergyConfidence.Gap => "gap",
        EnergyConfidence.None => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, null),
    };

    /// <summary>The states that are waste, for reports.</summary>
    public static IReadOnlyList<string> Waste { get; } = ["allocated-idle", "memory-parked", "zombie", "unallocated-idle", "throttled"];
}
