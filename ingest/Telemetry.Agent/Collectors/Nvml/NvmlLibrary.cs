using System.Collections.Frozen;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// Loads the NVML library on first use and binds <see cref="NvmlNative"/>'s imports to it. The file is checked for the
/// entry points the collector cannot do without before anything is called, so that a wrong file is refused with a
/// message rather than a crash; the entry points of newer drivers are recorded as present or absent.
/// </summary>
/// <remarks>
/// A P/Invoke stub stays bound to the address it first resolved, so one process binds NVML once: a later load of
/// another path is refused. The import resolver is per assembly; any other native library this assembly imports must
/// be resolved by <see cref="Resolve"/> too.
/// </remarks>
internal static class NvmlLibrary
{
    /// <summary>The library name in the <see cref="LibraryImportAttribute"/>s, resolved to the loaded file.</summary>
    internal const string Name = "nvidia-ml";

    /// <summary>The name the NVIDIA driver installs the library under (the linker's search path finds it).</summary>
    internal const string DefaultPath = "libnvidia-ml.so.1";

    /// <summary>Entry points present in every driver the collector supports; a library lacking one is not NVML.</summary>
    internal static readonly IReadOnlyList<string> RequiredEntryPoints =
    [
        "nvmlInit_v2", "nvmlShutdown", "nvmlErrorString", "nvmlDeviceGetCount_v2", "nvmlDeviceGetHandleByIndex_v2",
        "nvmlDeviceGetUUID", "nvmlDeviceGetName",
    ];

    /// <summary>Entry points that older drivers lack (clock event reasons came with R535, GPM with R520, MIG with R450).</summary>
    private static readonly string[] OptionalEntryPoints =
    [
        "nvmlDeviceGetUtilizationRates", "nvmlDeviceGetPowerUsage", "nvmlDeviceGetTotalEnergyConsumption",
        "nvmlDeviceGetEnforcedPowerLimit", "nvmlDeviceGetTemperature", "nvmlDeviceGetFieldValues", "nvmlDeviceGetClockInfo",
        "nvmlDeviceGetMaxClockInfo", "nvmlDeviceGetMemoryInfo", "nvmlDeviceGetTotalEccErrors",
        "nvmlDeviceGetCurrentClocksEventReasons", "nvmlDeviceGetCurrentClocksThrottleReasons", "nvmlDeviceGetPcieReplayCounter",
        "nvmlDeviceGetMigMode", "nvmlDeviceGetMaxMigDeviceCount", "nvmlDeviceGetMigDeviceHandleByIndex",
        "nvmlDeviceGetGpuInstanceId", "nvmlGpmQueryDeviceSupport", "nvmlGpmSampleAlloc", "nvmlGpmSampleFree",
        "nvmlGpmSampleGet", "nvmlGpmMigSampleGet", "nvmlGpmMetricsGet",
    ];

    private static readonly Lock Gate = new();
    private static FrozenSet<string> _exports = FrozenSet<string>.Empty;
    private static nint _handle;
    private static string? _path;

    /// <summary>The path NVML was loaded from, once it has been.</summary>
    internal static string? LoadedPath => _path;

    /// <summary>Loads the library at <paramref name="path"/> (a file name is looked up as the dynamic linker does) and binds the imports to it.</summary>
    /// <exception cref="CollectorUnavailableException">The file cannot be loaded, is not NVML, or another NVML file is bound already.</exception>
    internal static void Load(string path)
    {
        lock (Gate)
        {
            if (_path is not null)
            {
                if (string.Equals(_path, path, StringComparison.Ordinal))
                {
                    return;
                }

                throw new CollectorUnavailableException(
                    $"NVML is already loaded from {_path} in this process, so {path} cannot be loaded beside it: give every NVML collector the same --nvml-library.");
            }

            var handle = Open(path);
            var missing = RequiredEntryPoints.Where(entry => !NativeLibrary.TryGetExport(handle, entry, out _)).ToArray();
            if (missing.Length > 0)
            {
                NativeLibrary.Free(handle);
                throw new CollectorUnavailableException(
                    $"{path} was loaded but is not NVML: it lacks the entry point{(missing.Length == 1 ? "" : "s")} {string.Join(", ", missing)}. " +
                    $"Set --nvml-library to the NVIDIA driver's {DefaultPath}, or leave it unset to use the one the linker finds.");
            }

            _exports = RequiredEntryPoints.Concat(OptionalEntryPoints)
                .Where(entry => NativeLibrary.TryGetExport(handle, entry, out _))
                .ToFrozenSet(StringComparer.Ordinal);
            _handle = handle;
            NativeLibrary.SetDllImportResolver(typeof(NvmlLibrary).Assembly, Resolve);
            _path = path;
        }
    }

    /// <summary>Whether the loaded library exports <paramref name="entryPoint"/>.</summary>
    internal static bool HasExport(string entryPoint) => _exports.Contains(entryPoint);

    private static nint Open(string path)
    {
        try
        {
            return NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            var loader = e.Message.ReplaceLineEndings(" ").Trim();
            throw new CollectorUnavailableException(
                Path.IsPathRooted(path) && File.Exists(path)
                    ? $"{path} could not be loaded as a library: set --nvml-library to the NVIDIA driver's {DefaultPath}. The loader said: {loader}"
                    : $"{path} could not be loaded: the NVIDIA driver is not installed on this node, or set --nvml-library to the path of its {DefaultPath}. " +
                      $"The loader said: {loader}",
                e);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? _handle : IntPtr.Zero;
}
