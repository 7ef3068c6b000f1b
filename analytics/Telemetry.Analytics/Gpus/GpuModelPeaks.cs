namespace Telemetry.Analytics.Gpus;

/// <summary>
/// Peak dense BF16 tensor TFLOPS, maximum SM clock, idle power and TDP by model, from NVIDIA's datasheets (H100
/// SXM5 and PCIe, H200 SXM, HGX B200, GB200 per GPU, A100 SXM4, L40S), each with its source. The first entry whose
/// text the product name contains wins, so more specific entries come first. A site replaces the table with
/// <see cref="Load"/> (the aggregator's <c>--models</c>).
/// </summary>
public static class GpuModelPeaks
{
    /// <summary>The table.</summary>
    public static IReadOnlyList<GpuModelPeak> Default { get; } =
    [
        new("GB200", 2500, 2062, null, 1200, "NVIDIA GB200 NVL72 datasheet, per GPU"),
        new("B200", 2250, 1965, 140, 1000, "NVIDIA HGX B200 datasheet"),
        new("H200", 989, 1980, 75, 700, "NVIDIA H200 SXM datasheet"),
        new("H100 PCIe", 756, 1755, 50, 350, "NVIDIA H100 PCIe datasheet"),
        new("H100", 989, 1980, 69.85, 700, "NVIDIA H100 SXM5 datasheet; idle power from shared/fixtures/nvidia-smi-h100-query-gpu-and-dmon.txt"),
        new("A100", 312, 1410, 55, 400, "NVIDIA A100 80GB SXM4 datasheet"),
        new("L40S", 362, 2520, 35.7, 350, "NVIDIA L40S datasheet; idle power from shared/fixtures/dcgm-exporter-l40s-idle-default-counters.txt"),
    ];

    /// <summary>
    /// Reads a model table from JSON: <c>[{"match": "H100", "peak_dense_bf16_tflops": 989, "max_sm_clock_mhz": 1980,
    /// "idle_watts": 70, "tdp_watts": 700, "source": "..."}]</c>, first match wins, so specific entries go first.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is missing, too large, not such JSON, or an entry is out of range; the message names the file and entry.</exception>
    public static IReadOnlyList<GpuModelPeak> Load(string path)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > 1024 * 1024)
        {
            throw new InvalidDataException($"GPU model table '{path}' {(info.Exists ? "is larger than 1 MiB" : "does not exist")}.");
        }

        List<GpuModelPeak>? models;
        try
        {
            models = System.Text.Json.JsonSerializer.Deserialize(File.ReadAllBytes(path), GpuModelJsonContext.Default.ListGpuModelPeak);
        }
        catch (System.Text.Json.JsonException e)
        {
            throw new InvalidDataException($"GPU model table '{path}' is not a JSON list of models: {e.Message}", e);
        }

        for (var i = 0; i < (models?.Count ?? 0); i++)
        {
            var m = models![i];
            if (m is null || string.IsNullOrWhiteSpace(m.Match) || m.PeakDenseBf16Tflops is <= 0 or > 100_000 || m.MaxSmClockMhz is <= 0 or > 10_000)
            {
                throw new InvalidDataException($"GPU model table '{path}' [{i}]: match must be set, peak_dense_bf16_tflops in (0, 100000], max_sm_clock_mhz in (0, 10000].");
            }
        }

        return models is { Count: > 0 } ? models : throw new InvalidDataException($"GPU model table '{path}' lists no models.");
    }

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
