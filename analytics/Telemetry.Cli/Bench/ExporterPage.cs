using System.Globalization;
using System.Text;

namespace Telemetry.Cli.Bench;

/// <summary>
/// A dcgm-exporter page for a node of <c>gpus</c> GPUs, shaped like a real exporter's default counters (the same
/// families, labels and value formats as the L40S page in shared/fixtures), with the energy counters advancing
/// between pages as a working GPU's would.
/// </summary>
internal sealed class ExporterPage(int gpus, string host)
{
    private static readonly (string Name, string Type, string Help, double Base)[] Families =
    [
        ("DCGM_FI_DEV_SM_CLOCK", "gauge", "SM clock frequency (in MHz).", 1980),
        ("DCGM_FI_DEV_MEM_CLOCK", "gauge", "Memory clock frequency (in MHz).", 2619),
        ("DCGM_FI_DEV_MEMORY_TEMP", "gauge", "Memory temperature (in C).", 57),
        ("DCGM_FI_DEV_GPU_TEMP", "gauge", "GPU temperature (in C).", 63),
        ("DCGM_FI_DEV_POWER_USAGE", "gauge", "Power draw (in W).", 631.95),
        ("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", "counter", "Total energy consumption since boot (in mJ).", 5551899580),
        ("DCGM_FI_DEV_PCIE_REPLAY_COUNTER", "counter", "Total number of PCIe retries.", 0),
        ("DCGM_FI_DEV_GPU_UTIL", "gauge", "GPU utilization (in %).", 100),
        ("DCGM_FI_DEV_MEM_COPY_UTIL", "gauge", "Memory utilization (in %).", 10),
        ("DCGM_FI_DEV_ENC_UTIL", "gauge", "Encoder utilization (in %).", 0),
        ("DCGM_FI_DEV_DEC_UTIL", "gauge", "Decoder utilization (in %).", 0),
        ("DCGM_FI_DEV_FB_FREE", "gauge", "Framebuffer memory free (in MiB).", 11559),
        ("DCGM_FI_DEV_FB_USED", "gauge", "Framebuffer memory used (in MiB).", 70000),
        ("DCGM_FI_DEV_XID_ERRORS", "gauge", "Value of the last XID error encountered.", 0),
        ("DCGM_FI_PROF_GR_ENGINE_ACTIVE", "gauge", "Ratio of time the graphics engine is active.", 0.97),
        ("DCGM_FI_PROF_SM_ACTIVE", "gauge", "The ratio of cycles an SM has at least 1 warp assigned.", 0.93),
        ("DCGM_FI_PROF_PIPE_TENSOR_ACTIVE", "gauge", "Ratio of cycles the tensor (HMMA) pipe is active.", 0.61),
        ("DCGM_FI_PROF_DRAM_ACTIVE", "gauge", "Ratio of cycles the device memory interface is active sending or receiving data.", 0.45),
        ("DCGM_FI_PROF_PCIE_TX_BYTES", "gauge", "The rate of data transmitted over the PCIe bus - including both protocol headers and data payloads - in bytes per second.", 2.1e8),
        ("DCGM_FI_PROF_PCIE_RX_BYTES", "gauge", "The rate of data received over the PCIe bus - including both protocol headers and data payloads - in bytes per second.", 3.2e8),
    ];

    private long _pages;

    /// <summary>The next page: energy counters advanced by one second at ~630 W.</summary>
    public string Next()
    {
        var page = new StringBuilder(16 * 1024);
        var n = Interlocked.Increment(ref _pages);
        foreach (var (name, type, help, value) in Families)
        {
            page.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            page.Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');
            for (var gpu = 0; gpu < gpus; gpu++)
            {
                var v = type == "counter" && value > 0 ? value + (n * 631_950) + (gpu * 1_000_000_000L) : value;
                page.Append(name).Append(CultureInfo.InvariantCulture, $"{{gpu=\"{gpu}\",UUID=\"GPU-{gpu:x8}-3a86-4340-039d-25f2a83cdc43\",pci_bus_id=\"00000000:{gpu + 7:x2}:00.0\",device=\"nvidia{gpu}\",modelName=\"NVIDIA H100 80GB HBM3\",Hostname=\"{host}\",DCGM_FI_DRIVER_VERSION=\"590.48.01\"}} ");
                page.Append(v.ToString(value % 1 == 0 && value < 1e15 ? "0" : "0.000000", CultureInfo.InvariantCulture)).Append('\n');
            }
        }

        return page.ToString();
    }
}
