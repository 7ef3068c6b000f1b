using Telemetry.Contract.Fields;

namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// The rules that put every interval of a GPU in one state and say what bounds its work. Each has a documented
/// default; <see cref="Validate"/> names a bad one. Minimum durations apply when episodes are reported.
/// </summary>
public sealed class WasteRules
{
    /// <summary>SM activity from which a GPU is busy. Default 0.05.</summary>
    public double BusySmActivity { get; set; } = 0.05;

    /// <summary>Share of memory used from which an idle allocated GPU is memory-parked. Default 0.5.</summary>
    public double ParkedMemoryShare { get; set; } = 0.5;

    /// <summary>Share of memory used from which an idle GPU without a job is a zombie. Default 0.3.</summary>
    public double ZombieMemoryShare { get; set; } = 0.3;

    /// <summary>Clock event reasons that make an interval throttled. Default: HW slowdown, SW and HW thermal, HW power brake (not the SW power cap, which every GPU at its TDP shows).</summary>
    public ClockEventReasons ThrottleReasons { get; set; } = ClockEventReasons.Throttling;

    /// <summary>Tensor activity from which busy work is compute-bound. Default 0.3.</summary>
    public double ComputeTensorActivity { get; set; } = 0.3;

    /// <summary>DRAM activity from which busy work with idle tensor pipes is memory-bound. Default 0.5.</summary>
    public double MemoryDramActivity { get; set; } = 0.5;

    /// <summary>NVLink plus PCIe bytes per second from which work with waiting SMs is communication-bound. Default 20 GB/s.</summary>
    public double CommunicationBytesPerSecond { get; set; } = 20e9;

    /// <summary>SM activity below which SMs count as waiting for communication. Default 0.5.</summary>
    public double CommunicationMaxSmActivity { get; set; } = 0.5;

    /// <summary>Relative difference within which counter and integrated energy agree. Default 0.05.</summary>
    public double EnergyAgreementTolerance { get; set; } = 0.05;

    /// <summary>Throws with a message naming the setting when a value is out of range.</summary>
    public void Validate()
    {
        Ratio(BusySmActivity, nameof(BusySmActivity));
        Ratio(ParkedMemoryShare, nameof(ParkedMemoryShare));
        Ratio(ZombieMemoryShare, nameof(ZombieMemoryShare));
        Ratio(ComputeTensorActivity, nameof(ComputeTensorActivity));
        Ratio(MemoryDramActivity, nameof(MemoryDramActivity));
        Ratio(CommunicationMaxSmActivity, nameof(CommunicationMaxSmActivity));
        Ratio(EnergyAgreementTolerance, nameof(EnergyAgreementTolerance));
        if (CommunicationBytesPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(CommunicationBytesPerSecond), CommunicationBytesPerSecond, "WasteRules:CommunicationBytesPerSecond must be positive.");
        }
    }

    private static void Ratio(double value, string name)
    {
        if (value is <= 0 or >= 1 || double.IsNaN(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"WasteRules:{name} must be between 0 and 1.");
        }
    }
}
