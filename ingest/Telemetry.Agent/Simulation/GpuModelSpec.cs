namespace Telemetry.Agent.Simulation;

/// <summary>A GPU model as the simulator draws it.</summary>
/// <param name="Name">The product name NVML reports.</param>
/// <param name="ShortName">A short name for tables (H100).</param>
/// <param name="IdlePowerWatts">Typical board power at idle.</param>
/// <param name="TdpWatts">Board power limit (TDP).</param>
/// <param name="PeakDenseBf16Tflops">Peak dense (no sparsity) BF16 tensor throughput.</param>
/// <param name="HbmMiB">Memory reported as framebuffer total.</param>
/// <param name="MaxSmClockMhz">Maximum SM clock.</param>
/// <param name="IdleSmClockMhz">SM clock at idle.</param>
/// <param name="MemClockMhz">Memory clock.</param>
/// <param name="TokensPerSecondAtFullLoad">Simulated inference tokens per second per GPU at full load (an assumption of the simulator, not a vendor figure).</param>
public sealed record GpuModelSpec(
    string Name,
    string ShortName,
    double IdlePowerWatts,
    double TdpWatts,
    double PeakDenseBf16Tflops,
    double HbmMiB,
    double MaxSmClockMhz,
    double IdleSmClockMhz,
    double MemClockMhz,
    double TokensPerSecondAtFullLoad);
