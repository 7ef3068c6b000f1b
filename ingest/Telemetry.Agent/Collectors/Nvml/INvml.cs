namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// The NVML calls the collector makes, one member per entry point, results as NVML returns them. This is the hardware
/// seam: <see cref="NativeNvml"/> is the P/Invoke implementation; tests put a fake GPU behind it, and everything the
/// collector does with the results (units, sentinels, error accounting, GPM sample pairs, MIG) stays real code.
/// Device and sample handles are opaque pointers.
/// </summary>
internal interface INvml
{
    /// <summary>Loads the library.</summary>
    /// <exception cref="CollectorUnavailableException">It is absent or not NVML; the message says what to do.</exception>
    void Load();

    /// <summary>nvmlInit_v2.</summary>
    NvmlReturn Init();

    /// <summary>nvmlShutdown.</summary>
    NvmlReturn Shutdown();

    /// <summary>nvmlErrorString.</summary>
    string ErrorString(NvmlReturn result);

    /// <summary>nvmlDeviceGetCount_v2.</summary>
    NvmlReturn DeviceGetCount(out uint count);

    /// <summary>nvmlDeviceGetHandleByIndex_v2.</summary>
    NvmlReturn DeviceGetHandleByIndex(uint index, out nint device);

    /// <summary>nvmlDeviceGetUUID (<c>GPU-…</c>, or <c>MIG-…</c> for a MIG device).</summary>
    NvmlReturn DeviceGetUuid(nint device, out string uuid);

    /// <summary>nvmlDeviceGetName.</summary>
    NvmlReturn DeviceGetName(nint device, out string name);

    /// <summary>nvmlDeviceGetUtilizationRates (percent).</summary>
    NvmlReturn DeviceGetUtilizationRates(nint device, out NvmlUtilization utilization);

    /// <summary>nvmlDeviceGetPowerUsage (mW).</summary>
    NvmlReturn DeviceGetPowerUsage(nint device, out uint milliwatts);

    /// <summary>nvmlDeviceGetTotalEnergyConsumption (mJ since the driver was loaded).</summary>
    NvmlReturn DeviceGetTotalEnergyConsumption(nint device, out ulong millijoules);

    /// <summary>nvmlDeviceGetEnforcedPowerLimit (mW).</summary>
    NvmlReturn DeviceGetEnforcedPowerLimit(nint device, out uint milliwatts);

    /// <summary>nvmlDeviceGetTemperature (°C).</summary>
    NvmlReturn DeviceGetTemperature(nint device, NvmlTemperatureSensor sensor, out uint celsius);

    /// <summary>nvmlDeviceGetFieldValues: fills each value's result and value for the field ids set in <paramref name="values"/>.</summary>
    NvmlReturn DeviceGetFieldValues(nint device, Span<NvmlFieldValue> values);

    /// <summary>nvmlDeviceGetClockInfo (MHz).</summary>
    NvmlReturn DeviceGetClockInfo(nint device, NvmlClockType type, out uint megahertz);

    /// <summary>nvmlDeviceGetMaxClockInfo (MHz).</summary>
    NvmlReturn DeviceGetMaxClockInfo(nint device, NvmlClockType type, out uint megahertz);

    /// <summary>nvmlDeviceGetMemoryInfo (bytes).</summary>
    NvmlReturn DeviceGetMemoryInfo(nint device, out NvmlMemory memory);

    /// <summary>nvmlDeviceGetTotalEccErrors.</summary>
    NvmlReturn DeviceGetTotalEccErrors(nint device, NvmlMemoryErrorType errorType, NvmlEccCounterType counterType, out ulong count);

    /// <summary>nvmlDeviceGetCurrentClocksEventReasons, or nvmlDeviceGetCurrentClocksThrottleReasons on drivers before R535.</summary>
    NvmlReturn DeviceGetCurrentClocksEventReasons(nint device, out ulong reasons);

    /// <summary>nvmlDeviceGetPcieReplayCounter.</summary>
    NvmlReturn DeviceGetPcieReplayCounter(nint device, out uint count);

    /// <summary>nvmlDeviceGetMigMode (NVML_DEVICE_MIG_ENABLE is 1).</summary>
    NvmlReturn DeviceGetMigMode(nint device, out uint currentMode, out uint pendingMode);

    /// <summary>nvmlDeviceGetMaxMigDeviceCount.</summary>
    NvmlReturn DeviceGetMaxMigDeviceCount(nint device, out uint count);

    /// <summary>nvmlDeviceGetMigDeviceHandleByIndex; NVML_ERROR_NOT_FOUND where no MIG device sits at the index.</summary>
    NvmlReturn DeviceGetMigDeviceHandleByIndex(nint device, uint index, out nint migDevice);

    /// <summary>nvmlDeviceGetGpuInstanceId, for a MIG device handle.</summary>
    NvmlReturn DeviceGetGpuInstanceId(nint device, out uint gpuInstanceId);

    /// <summary>nvmlGpmQueryDeviceSupport.</summary>
    NvmlReturn GpmQueryDeviceSupport(nint device, ref NvmlGpmSupport support);

    /// <summary>nvmlGpmSampleAlloc.</summary>
    NvmlReturn GpmSampleAlloc(out nint sample);

    /// <summary>nvmlGpmSampleFree.</summary>
    NvmlReturn GpmSampleFree(nint sample);

    /// <summary>nvmlGpmSampleGet.</summary>
    NvmlReturn GpmSampleGet(nint device, nint sample);

    /// <summary>nvmlGpmMigSampleGet: a sample of one GPU instance, read through its parent GPU.</summary>
    NvmlReturn GpmMigSampleGet(nint device, uint gpuInstanceId, nint sample);

    /// <summary>nvmlGpmMetricsGet: metrics between the two samples set in <paramref name="metrics"/>.</summary>
    NvmlReturn GpmMetricsGet(ref NvmlGpmMetricsGet metrics);
}
