using System.Runtime.InteropServices;
using System.Text;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// <see cref="INvml"/> through P/Invoke into the NVIDIA driver's NVML library. An entry point the loaded library lacks
/// (an older driver) answers <see cref="NvmlReturn.FunctionNotFound"/>, as NVML itself would.
/// </summary>
/// <param name="libraryPath">The library to load: a file name the dynamic linker looks up, or a path.</param>
internal sealed unsafe class NativeNvml(string libraryPath) : INvml
{
    // NVML_DEVICE_UUID_V2_BUFFER_SIZE and NVML_DEVICE_NAME_V2_BUFFER_SIZE.
    private const int StringBufferSize = 96;

    /// <inheritdoc/>
    public void Load() => NvmlLibrary.Load(libraryPath);

    /// <inheritdoc/>
    public NvmlReturn Init() => NvmlNative.nvmlInit_v2();

    /// <inheritdoc/>
    public NvmlReturn Shutdown() => NvmlNative.nvmlShutdown();

    /// <inheritdoc/>
    public string ErrorString(NvmlReturn result) => Marshal.PtrToStringUTF8(NvmlNative.nvmlErrorString(result)) ?? result.HeaderName();

    /// <inheritdoc/>
    public NvmlReturn DeviceGetCount(out uint count) => NvmlNative.nvmlDeviceGetCount_v2(out count);

    /// <inheritdoc/>
    public NvmlReturn DeviceGetHandleByIndex(uint index, out nint device) => NvmlNative.nvmlDeviceGetHandleByIndex_v2(index, out device);

    /// <inheritdoc/>
    public NvmlReturn DeviceGetUuid(nint device, out string uuid)
    {
        var buffer = stackalloc byte[StringBufferSize];
        var result = NvmlNative.nvmlDeviceGetUUID(device, buffer, StringBufferSize);
        uuid = result == NvmlReturn.Success ? Utf8(buffer) : "";
        return result;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetName(nint device, out string name)
    {
        var buffer = stackalloc byte[StringBufferSize];
        var result = NvmlNative.nvmlDeviceGetName(device, buffer, StringBufferSize);
        name = result == NvmlReturn.Success ? Utf8(buffer) : "";
        return result;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetUtilizationRates(nint device, out NvmlUtilization utilization)
    {
        utilization = default;
        return Has(nameof(NvmlNative.nvmlDeviceGetUtilizationRates)) ? NvmlNative.nvmlDeviceGetUtilizationRates(device, out utilization) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetPowerUsage(nint device, out uint milliwatts)
    {
        milliwatts = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetPowerUsage)) ? NvmlNative.nvmlDeviceGetPowerUsage(device, out milliwatts) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetTotalEnergyConsumption(nint device, out ulong millijoules)
    {
        millijoules = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetTotalEnergyConsumption)) ? NvmlNative.nvmlDeviceGetTotalEnergyConsumption(device, out millijoules) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetEnforcedPowerLimit(nint device, out uint milliwatts)
    {
        milliwatts = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetEnforcedPowerLimit)) ? NvmlNative.nvmlDeviceGetEnforcedPowerLimit(device, out milliwatts) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetTemperature(nint device, NvmlTemperatureSensor sensor, out uint celsius)
    {
        celsius = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetTemperature)) ? NvmlNative.nvmlDeviceGetTemperature(device, sensor, out celsius) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetFieldValues(nint device, Span<NvmlFieldValue> values)
    {
        if (!Has(nameof(NvmlNative.nvmlDeviceGetFieldValues)))
        {
            return NvmlReturn.FunctionNotFound;
        }

        fixed (NvmlFieldValue* first = values)
        {
            return NvmlNative.nvmlDeviceGetFieldValues(device, values.Length, first);
        }
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetClockInfo(nint device, NvmlClockType type, out uint megahertz)
    {
        megahertz = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetClockInfo)) ? NvmlNative.nvmlDeviceGetClockInfo(device, type, out megahertz) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetMaxClockInfo(nint device, NvmlClockType type, out uint megahertz)
    {
        megahertz = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetMaxClockInfo)) ? NvmlNative.nvmlDeviceGetMaxClockInfo(device, type, out megahertz) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetMemoryInfo(nint device, out NvmlMemory memory)
    {
        memory = default;
        return Has(nameof(NvmlNative.nvmlDeviceGetMemoryInfo)) ? NvmlNative.nvmlDeviceGetMemoryInfo(device, out memory) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetTotalEccErrors(nint device, NvmlMemoryErrorType errorType, NvmlEccCounterType counterType, out ulong count)
    {
        count = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetTotalEccErrors)) ? NvmlNative.nvmlDeviceGetTotalEccErrors(device, errorType, counterType, out count) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetCurrentClocksEventReasons(nint device, out ulong reasons)
    {
        reasons = 0;
        if (Has(nameof(NvmlNative.nvmlDeviceGetCurrentClocksEventReasons)))
        {
            return NvmlNative.nvmlDeviceGetCurrentClocksEventReasons(device, out reasons);
        }

        // The same bits under their old name.
        return Has(nameof(NvmlNative.nvmlDeviceGetCurrentClocksThrottleReasons))
            ? NvmlNative.nvmlDeviceGetCurrentClocksThrottleReasons(device, out reasons)
            : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetPcieReplayCounter(nint device, out uint count)
    {
        count = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetPcieReplayCounter)) ? NvmlNative.nvmlDeviceGetPcieReplayCounter(device, out count) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetMigMode(nint device, out uint currentMode, out uint pendingMode)
    {
        currentMode = pendingMode = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetMigMode)) ? NvmlNative.nvmlDeviceGetMigMode(device, out currentMode, out pendingMode) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetMaxMigDeviceCount(nint device, out uint count)
    {
        count = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetMaxMigDeviceCount)) ? NvmlNative.nvmlDeviceGetMaxMigDeviceCount(device, out count) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetMigDeviceHandleByIndex(nint device, uint index, out nint migDevice)
    {
        migDevice = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetMigDeviceHandleByIndex)) ? NvmlNative.nvmlDeviceGetMigDeviceHandleByIndex(device, index, out migDevice) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn DeviceGetGpuInstanceId(nint device, out uint gpuInstanceId)
    {
        gpuInstanceId = 0;
        return Has(nameof(NvmlNative.nvmlDeviceGetGpuInstanceId)) ? NvmlNative.nvmlDeviceGetGpuInstanceId(device, out gpuInstanceId) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn GpmQueryDeviceSupport(nint device, ref NvmlGpmSupport support)
    {
        if (!Has(nameof(NvmlNative.nvmlGpmQueryDeviceSupport)))
        {
            return NvmlReturn.FunctionNotFound;
        }

        fixed (NvmlGpmSupport* pointer = &support)
        {
            return NvmlNative.nvmlGpmQueryDeviceSupport(device, pointer);
        }
    }

    /// <inheritdoc/>
    public NvmlReturn GpmSampleAlloc(out nint sample)
    {
        sample = 0;
        return Has(nameof(NvmlNative.nvmlGpmSampleAlloc)) ? NvmlNative.nvmlGpmSampleAlloc(out sample) : NvmlReturn.FunctionNotFound;
    }

    /// <inheritdoc/>
    public NvmlReturn GpmSampleFree(nint sample) =>
        Has(nameof(NvmlNative.nvmlGpmSampleFree)) ? NvmlNative.nvmlGpmSampleFree(sample) : NvmlReturn.FunctionNotFound;

    /// <inheritdoc/>
    public NvmlReturn GpmSampleGet(nint device, nint sample) =>
        Has(nameof(NvmlNative.nvmlGpmSampleGet)) ? NvmlNative.nvmlGpmSampleGet(device, sample) : NvmlReturn.FunctionNotFound;

    /// <inheritdoc/>
    public NvmlReturn GpmMigSampleGet(nint device, uint gpuInstanceId, nint sample) =>
        Has(nameof(NvmlNative.nvmlGpmMigSampleGet)) ? NvmlNative.nvmlGpmMigSampleGet(device, gpuInstanceId, sample) : NvmlReturn.FunctionNotFound;

    /// <inheritdoc/>
    public NvmlReturn GpmMetricsGet(ref NvmlGpmMetricsGet metrics)
    {
        if (!Has(nameof(NvmlNative.nvmlGpmMetricsGet)))
        {
            return NvmlReturn.FunctionNotFound;
        }

        fixed (NvmlGpmMetricsGet* pointer = &metrics)
        {
            return NvmlNative.nvmlGpmMetricsGet(pointer);
        }
    }

    private static bool Has(string entryPoint) => NvmlLibrary.HasExport(entryPoint);

    private static string Utf8(byte* buffer)
    {
        var bytes = new ReadOnlySpan<byte>(buffer, StringBufferSize);
        var end = bytes.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? bytes : bytes[..end]);
    }
}
