namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>NVML's <c>nvmlTemperatureSensors_t</c>; the memory sensor is read as a field value instead.</summary>
internal enum NvmlTemperatureSensor
{
    /// <summary>NVML_TEMPERATURE_GPU: the GPU die.</summary>
    Gpu = 0,
}
