namespace Telemetry.Contract.Fields;

/// <summary>How a field's values behave over time.</summary>
public enum FieldKind
{
    /// <summary>A reading at an instant (temperature, power, utilization).</summary>
    Gauge,

    /// <summary>A monotonically increasing total (energy, ECC counts); analytics take deltas and detect resets.</summary>
    Counter,

    /// <summary>A set of flags (clock event reasons), carried as an integer.</summary>
    Bitmask,
}
