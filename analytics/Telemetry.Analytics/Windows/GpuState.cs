namespace Telemetry.Analytics.Windows;

/// <summary>What a GPU was doing over an interval; one state at a time, checked in this order.</summary>
public enum GpuState
{
    /// <summary>Clocks held down by a thermal, power-brake or hardware slowdown (the rule's clock event reasons).</summary>
    Throttled,
    /// <summary>A job holds it and its SMs are busy.</summary>
    Productive,
    /// <summary>A job holds it, its SMs are idle, and its memory is mostly full.</summary>
    MemoryParked,
    /// <summary>A job holds it and its SMs are idle.</summary>
    AllocatedIdle,
    /// <summary>No job holds it, yet its memory is held (a process left behind).</summary>
    Zombie,
    /// <summary>No job holds it and it is idle, drawing power for nothing.</summary>
    UnallocatedIdle,
    /// <summary>No job holds it, yet its SMs are busy: work nobody is charged for.</summary>
    UnallocatedBusy,
}
