namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>Settings of <see cref="NvmlCollector"/>.</summary>
public sealed class NvmlCollectorOptions
{
    /// <summary>
    /// The NVML library: a file name the dynamic linker looks up, or a path (<c>--nvml-library</c>). Default
    /// <c>libnvidia-ml.so.1</c>, which the NVIDIA driver installs.
    /// </summary>
    public string LibraryPath { get; set; } = NvmlLibrary.DefaultPath;

    /// <summary>The node name the readings carry. Default: the host name.</summary>
    public string NodeName { get; set; } = Environment.MachineName;

    /// <summary>Whether a GPU in MIG mode also yields one reading per MIG device. Default true.</summary>
    public bool MigDevices { get; set; } = true;

    /// <summary>
    /// The shortest time between the two GPM samples a metric is computed from; NVML refreshes its counters about every
    /// 100 ms, so closer samples give no meaningful value. A collection sooner than this after the last sample leaves
    /// the GPM fields empty. Default 100 ms.
    /// </summary>
    public TimeSpan MinGpmInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Checks the settings.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(LibraryPath))
        {
            throw new ArgumentException("NvmlCollectorOptions.LibraryPath (--nvml-library) must name the NVML library, for example libnvidia-ml.so.1.", nameof(LibraryPath));
        }

        if (string.IsNullOrWhiteSpace(NodeName))
        {
            throw new ArgumentException("NvmlCollectorOptions.NodeName must not be empty.", nameof(NodeName));
        }

        if (MinGpmInterval < TimeSpan.Zero)
        {
            throw new ArgumentException($"NvmlCollectorOptions.MinGpmInterval must not be negative; it is {MinGpmInterval}.", nameof(MinGpmInterval));
        }
    }
}
