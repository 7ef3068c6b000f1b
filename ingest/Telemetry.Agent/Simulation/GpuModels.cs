namespace Telemetry.Agent.Simulation;

/// <summary>
/// The GPU models of the simulated fleet. TDP, dense BF16 tensor peak, memory size and maximum SM clock come from
/// NVIDIA's datasheets (A100 80GB SXM, H100 SXM5, H200 SXM, HGX B200); H100 idle power, idle clock, memory clock and
/// framebuffer size are as an idle H100 80GB HBM3 reported them (shared/fixtures/nvidia-smi-h100-query-gpu-and-dmon.txt).
/// Idle power of the other models is a typical reading, not a datasheet figure.
/// </summary>
public static class GpuModels
{
    /// <summary>NVIDIA A100 80GB SXM4: 400 W, 312 TFLOPS dense BF16, 80 GB HBM2e, 1410 MHz.</summary>
    public static GpuModelSpec A100 { get; } = new("NVIDIA A100-SXM4-80GB", "A100", 55, 400, 312, 81920, 1410, 210, 1593, 1_100);

    /// <summary>NVIDIA H100 SXM5 80GB: 700 W, 989 TFLOPS dense BF16, 80 GB HBM3, 1980 MHz.</summary>
    public static GpuModelSpec H100 { get; } = new("NVIDIA H100 80GB HBM3", "H100", 69.85, 700, 989, 81559, 1980, 345, 2619, 3_000);

    /// <summary>NVIDIA H200 SXM 141GB: 700 W, 989 TFLOPS dense BF16, 141 GB HBM3e, 1980 MHz.</summary>
    public static GpuModelSpec H200 { get; } = new("NVIDIA H200", "H200", 75, 700, 989, 143771, 1980, 345, 3201, 3_600);

    /// <summary>NVIDIA B200 (HGX B200): 1000 W, 2250 TFLOPS dense BF16, 180 GB HBM3e, 1965 MHz.</summary>
    public static GpuModelSpec B200 { get; } = new("NVIDIA B200", "B200", 140, 1000, 2250, 183359, 1965, 345, 3996, 7_000);

    /// <summary>All models, in the order the simulator assigns them to node pairs.</summary>
    public static IReadOnlyList<GpuModelSpec> All { get; } = [H100, H200, B200, A100];
}
