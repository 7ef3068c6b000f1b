using System.Globalization;
using Telemetry.Contract.Fields;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// Reads one device's NVML values into catalog order, in the catalog's units: power in W from mW, memory in MiB from
/// bytes, the energy counter in mJ as NVML counts it. A failed call or NVML's all-ones "unavailable" value leaves the
/// field null and is counted; it never fails the reading.
/// </summary>
internal sealed class NvmlFieldReader(INvml nvml, NvmlAccounting accounting)
{
    private const double MilliPerUnit = 1000;
    private const double BytesPerMiB = 1024 * 1024;

    /// <summary>Reads a whole GPU: clocks, power and energy, temperatures, utilization, memory, ECC and PCIe counters.</summary>
    public void ReadGpu(nint device, double?[] values)
    {
        Put(values, FieldOrdinals.SmClock, nvml.DeviceGetClockInfo(device, NvmlClockType.Sm, out var smClock), smClock);
        Put(values, FieldOrdinals.MemClock, nvml.DeviceGetClockInfo(device, NvmlClockType.Mem, out var memClock), memClock);
        Put(values, FieldOrdinals.MaxSmClock, nvml.DeviceGetMaxClockInfo(device, NvmlClockType.Sm, out var maxSmClock), maxSmClock);
        Put(values, FieldOrdinals.ClocksEventReasons, nvml.DeviceGetCurrentClocksEventReasons(device, out var reasons), reasons);

        Put(values, FieldOrdinals.PowerUsage, nvml.DeviceGetPowerUsage(device, out var power), power, MilliPerUnit);
        Put(values, FieldOrdinals.TotalEnergyConsumption, nvml.DeviceGetTotalEnergyConsumption(device, out var energy), energy);
        Put(values, FieldOrdinals.EnforcedPowerLimit, nvml.DeviceGetEnforcedPowerLimit(device, out var limit), limit, MilliPerUnit);

        Put(values, FieldOrdinals.GpuTemp, nvml.DeviceGetTemperature(device, NvmlTemperatureSensor.Gpu, out var gpuTemp), gpuTemp);
        ReadMemoryTemperature(device, values);

        var result = nvml.DeviceGetUtilizationRates(device, out var utilization);
        Put(values, FieldOrdinals.GpuUtil, result, utilization.Gpu);
        Put(values, FieldOrdinals.MemCopyUtil, result, utilization.Memory);

        ReadMemory(device, values);

        var corrected = nvml.DeviceGetTotalEccErrors(device, NvmlMemoryErrorType.Corrected, NvmlEccCounterType.Volatile, out var sbe);
        Put(values, FieldOrdinals.EccSbeVolatileTotal, corrected, sbe);
        var uncorrected = nvml.DeviceGetTotalEccErrors(device, NvmlMemoryErrorType.Uncorrected, NvmlEccCounterType.Volatile, out var dbe);
        Put(values, FieldOrdinals.EccDbeVolatileTotal, uncorrected, dbe);

        Put(values, FieldOrdinals.PcieReplayCounter, nvml.DeviceGetPcieReplayCounter(device, out var replays), replays);
    }

    /// <summary>
    /// Reads a MIG device: its share of the framebuffer. Clocks, power, temperatures and counters belong to the parent
    /// GPU and are read there, once.
    /// </summary>
    public void ReadMigDevice(nint migDevice, double?[] values) => ReadMemory(migDevice, values);

    private void ReadMemory(nint device, double?[] values)
    {
        var result = nvml.DeviceGetMemoryInfo(device, out var memory);
        Put(values, FieldOrdinals.FbTotal, result, memory.Total, BytesPerMiB);
        Put(values, FieldOrdinals.FbFree, result, memory.Free, BytesPerMiB);
        Put(values, FieldOrdinals.FbUsed, result, memory.Used, BytesPerMiB);
    }

    private void ReadMemoryTemperature(nint device, double?[] values)
    {
        Span<NvmlFieldValue> fields = stackalloc NvmlFieldValue[1];
        fields[0].FieldId = NvmlFieldValue.MemoryTemperature;
        var result = nvml.DeviceGetFieldValues(device, fields);
        if (result == NvmlReturn.Success)
        {
            result = fields[0].NvmlReturn;
        }

        if (!accounting.Succeeded(result, FieldOrdinals.MemoryTemp))
        {
            return;
        }

        var value = fields[0].Value;
        switch (fields[0].ValueType)
        {
            case NvmlValueType.Double:
                values[FieldOrdinals.MemoryTemp] = value.Double;
                break;
            case NvmlValueType.UnsignedInt:
                Put(values, FieldOrdinals.MemoryTemp, result, value.UnsignedInt);
                break;
            case NvmlValueType.UnsignedLong or NvmlValueType.UnsignedLongLong:
                Put(values, FieldOrdinals.MemoryTemp, result, value.UnsignedLong);
                break;
            case NvmlValueType.SignedLongLong:
                values[FieldOrdinals.MemoryTemp] = value.SignedLong;
                break;
            case NvmlValueType.SignedInt:
                values[FieldOrdinals.MemoryTemp] = value.SignedInt;
                break;
            case NvmlValueType.UnsignedShort:
                values[FieldOrdinals.MemoryTemp] = value.UnsignedShort;
                break;
            default:
                accounting.Unreadable(FieldOrdinals.MemoryTemp, "NVML value type " + ((int)fields[0].ValueType).ToString(CultureInfo.InvariantCulture));
                break;
        }
    }

    // NVML's sentinel for an unavailable 32-bit value is all ones; DCGM's own sentinel ranges are not NVML's and are
    // not applied, since a counter such as the energy counter passes through them as real readings.
    private void Put(double?[] values, int ordinal, NvmlReturn result, uint raw, double divisor = 1)
    {
        if (accounting.Succeeded(result, ordinal) && accounting.Available(raw == DcgmBlanks.Uint32Unavailable, ordinal))
        {
            values[ordinal] = raw / divisor;
        }
    }

    private void Put(double?[] values, int ordinal, NvmlReturn result, ulong raw, double divisor = 1)
    {
        if (accounting.Succeeded(result, ordinal) && accounting.Available(raw == ulong.MaxValue, ordinal))
        {
            values[ordinal] = raw / divisor;
        }
    }
}
