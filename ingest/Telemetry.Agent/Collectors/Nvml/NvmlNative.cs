using System.Runtime.InteropServices;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// The NVML entry points the collector uses, with the C names and signatures of nvml.h 12.2.140. Every parameter is
/// blittable (handles as <see cref="nint"/>, C enums as int-sized enums, out-parameters and pointers to sequential
/// structs), so the source-generated stubs marshal nothing at run time and stay trim-safe. The library name is
/// resolved by <see cref="NvmlLibrary"/> to the file it loaded.
/// </summary>
internal static unsafe partial class NvmlNative
{
    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlInit_v2();

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlShutdown();

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial nint nvmlErrorString(NvmlReturn result);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetCount_v2(out uint deviceCount);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetHandleByIndex_v2(uint index, out nint device);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetUUID(nint device, byte* uuid, uint length);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetName(nint device, byte* name, uint length);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetUtilizationRates(nint device, out NvmlUtilization utilization);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetPowerUsage(nint device, out uint power);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetTotalEnergyConsumption(nint device, out ulong energy);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetEnforcedPowerLimit(nint device, out uint limit);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetTemperature(nint device, NvmlTemperatureSensor sensorType, out uint temp);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetFieldValues(nint device, int valuesCount, NvmlFieldValue* values);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetClockInfo(nint device, NvmlClockType type, out uint clock);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetMaxClockInfo(nint device, NvmlClockType type, out uint clock);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetMemoryInfo(nint device, out NvmlMemory memory);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetTotalEccErrors(nint device, NvmlMemoryErrorType errorType, NvmlEccCounterType counterType, out ulong eccCounts);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetCurrentClocksEventReasons(nint device, out ulong clocksEventReasons);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetCurrentClocksThrottleReasons(nint device, out ulong clocksThrottleReasons);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetPcieReplayCounter(nint device, out uint value);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetMigMode(nint device, out uint currentMode, out uint pendingMode);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetMaxMigDeviceCount(nint device, out uint count);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetMigDeviceHandleByIndex(nint device, uint index, out nint migDevice);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlDeviceGetGpuInstanceId(nint device, out uint id);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlGpmQueryDeviceSupport(nint device, NvmlGpmSupport* gpmSupport);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlGpmSampleAlloc(out nint gpmSample);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlGpmSampleFree(nint gpmSample);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlGpmSampleGet(nint device, nint gpmSample);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlGpmMigSampleGet(nint device, uint gpuInstanceId, nint gpmSample);

    [LibraryImport(NvmlLibrary.Name)]
    internal static partial NvmlReturn nvmlGpmMetricsGet(NvmlGpmMetricsGet* metricsGet);
}
