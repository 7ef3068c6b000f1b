namespace Telemetry.Analytics.Windows;

/// <summary>How sure a window's energy figure is, from its two sources.</summary>
public enum EnergyConfidence
{
    /// <summary>The energy counter and integrated power agree within the tolerance.</summary>
    Agree,
    /// <summary>Only the energy counter was available.</summary>
    CounterOnly,
    /// <summary>Only integrated power was available (no counter, or the counter reset).</summary>
    IntegralOnly,
    /// <summary>Both were available and differ by more than the tolerance; the counter is chosen.</summary>
    Disagree,
    /// <summary>Samples were missing for longer than the integration bound: part of the window has no energy.</summary>
    Gap,
    /// <summary>No energy could be measured at all.</summary>
    None,
}
