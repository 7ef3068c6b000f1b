namespace Telemetry.Analytics.Gpus;

/// <summary>
/// Peak dense BF16 tensor TFLOPS by model, from NVIDIA's datasheets (H100 SXM5 and PCIe, H200 SXM, HGX B200,
/// GB200 per GPU, A100 SXM4, L40S). The first entry whose text the product name contains wins, so more specific
/// entries come first.
/// </summary>
public static class GpuModelPeaks
{
    /// <summary>The table.</summary>
    public static IReadOnlyList<GpuModelPeak> Default { get; } =
    [
        new("GB200", 2500, 2062),
        new("B200", 2250, 1965),
        new("H200", 989, 1980),
        new("H100 PCIe", 756, 1755),
        new("H100", 989, 1980),
        new("A100", 312, 1410),
        new("L40S", 362, 2520),
    ];

    /// <summary>The entry for a product name, or null for an unknown model (its TFLOPS are then not estimated).</summary>
    public static GpuModelPeak? Find(string productName, IReadOnlyList<GpuModelPeak>? table = null)
    {
        foreach (var entry in table ?? Default)
        {
            if (productName.Contains(entry.Match, StringComparison.OrdinalIgnoreCase))
            {
                return entry;
            }
        }

        return null;
    }
}
