using Telemetry.Agent.Collectors.Nvml;

namespace Telemetry.Agent.Tests.Collectors.Nvml;

/// <summary>
/// GPUs behind the <see cref="INvml"/> seam, answering as NVML does: per-call results, NVML's units, GPM samples that
/// only yield metrics from two samples of the same device taken in order, MIG slots. GPU handles are 1, 2, ...; the
/// MIG device in slot s of GPU handle g is 1000 g + s.
/// </summary>
internal sealed class FakeNvml : INvml
{
    private readonly Dictionary<nint, (nint Gpu, uint? GpuInstance, int Sequence)> _samples = [];
    private int _nextSample = 5000;
    private int _sequence;

    public List<FakeGpu> Gpus { get; } = [];
    public NvmlReturn InitResult { get; set; }
    public NvmlReturn CountResult { get; set; }
    public int LoadCalls { get; private set; }
    public int ShutdownCalls { get; private set; }

    /// <summary>Sample buffers allocated and not yet freed.</summary>
    public HashSet<nint> LiveSamples { get; } = [];

    /// <summary>Live sample buffers when nvmlShutdown was called.</summary>
    public int LiveSamplesAtShutdown { get; private set; } = -1;

    public FakeGpu AddGpu(string uuid, string name = "NVIDIA H100 80GB HBM3")
    {
        var gpu = new FakeGpu(uuid, name);
        Gpus.Add(gpu);
        return gpu;
    }

    public void Load() => LoadCalls++;

    public NvmlReturn Init() => InitResult;

    public NvmlReturn Shutdown()
    {
        ShutdownCalls++;
        LiveSamplesAtShutdown = LiveSamples.Count;
        return NvmlReturn.Success;
    }

    public string ErrorString(NvmlReturn result) => result switch
    {
        NvmlReturn.LibRmVersionMismatch => "RM has detected an NVML/RM version mismatch.",
        NvmlReturn.DriverNotLoaded => "Driver Not Loaded",
        _ => "Unknown Error",
    };

    public NvmlReturn DeviceGetCount(out uint count)
    {
        count = CountResult == NvmlReturn.Success ? (uint)Gpus.Count : 0;
        return CountResult;
    }

    public NvmlReturn DeviceGetHandleByIndex(uint index, out nint device)
    {
        device = (nint)(index + 1);
        return Gpus[(int)index].ResultOf(nameof(DeviceGetHandleByIndex));
    }

    public NvmlReturn DeviceGetUuid(nint device, out string uuid)
    {
        if (Mig(device) is { } mig)
        {
            uuid = mig.Uuid;
            return NvmlReturn.Success;
        }

        uuid = Gpu(device).Uuid;
        return Answer(device, nameof(DeviceGetUuid));
    }

    public NvmlReturn DeviceGetName(nint device, out string name)
    {
        name = Mig(device)?.Name ?? Gpu(device).Name;
        return Mig(device) is null ? Answer(device, nameof(DeviceGetName)) : NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetUtilizationRates(nint device, out NvmlUtilization utilization) =>
        Read(device, nameof(DeviceGetUtilizationRates), g => g.Utilization, out utilization);

    public NvmlReturn DeviceGetPowerUsage(nint device, out uint milliwatts) =>
        Read(device, nameof(DeviceGetPowerUsage), g => g.PowerMilliwatts, out milliwatts);

    public NvmlReturn DeviceGetTotalEnergyConsumption(nint device, out ulong millijoules) =>
        Read(device, nameof(DeviceGetTotalEnergyConsumption), g => g.EnergyMillijoules, out millijoules);

    public NvmlReturn DeviceGetEnforcedPowerLimit(nint device, out uint milliwatts) =>
        Read(device, nameof(DeviceGetEnforcedPowerLimit), g => g.PowerLimitMilliwatts, out milliwatts);

    public NvmlReturn DeviceGetTemperature(nint device, NvmlTemperatureSensor sensor, out uint celsius) =>
        Read(device, nameof(DeviceGetTemperature), g => g.GpuTemp, out celsius);

    public NvmlReturn DeviceGetFieldValues(nint device, Span<NvmlFieldValue> values)
    {
        var result = Answer(device, nameof(DeviceGetFieldValues));
        for (var i = 0; i < values.Length && result == NvmlReturn.Success; i++)
        {
            var fieldId = values[i].FieldId;
            values[i] = fieldId == NvmlFieldValue.MemoryTemperature ? Gpu(device).MemoryTemp : new NvmlFieldValue { NvmlReturn = NvmlReturn.NotSupported };
            values[i].FieldId = fieldId;
        }

        return result;
    }

    public NvmlReturn DeviceGetClockInfo(nint device, NvmlClockType type, out uint megahertz) =>
        Read(device, nameof(DeviceGetClockInfo), g => type switch { NvmlClockType.Sm => g.SmClock, NvmlClockType.Mem => g.MemClock, _ => 0u }, out megahertz);

    public NvmlReturn DeviceGetMaxClockInfo(nint device, NvmlClockType type, out uint megahertz) =>
        Read(device, nameof(DeviceGetMaxClockInfo), g => type == NvmlClockType.Sm ? g.MaxSmClock : 0u, out megahertz);

    public NvmlReturn DeviceGetMemoryInfo(nint device, out NvmlMemory memory)
    {
        if (Mig(device) is { } mig)
        {
            memory = mig.Memory;
            return NvmlReturn.Success;
        }

        return Read(device, nameof(DeviceGetMemoryInfo), g => g.Memory, out memory);
    }

    public NvmlReturn DeviceGetTotalEccErrors(nint device, NvmlMemoryErrorType errorType, NvmlEccCounterType counterType, out ulong count) =>
        Read(device, nameof(DeviceGetTotalEccErrors) + errorType, g => counterType == NvmlEccCounterType.Volatile
            ? errorType == NvmlMemoryErrorType.Corrected ? g.EccCorrected : g.EccUncorrected
            : 999_999, out count);

    public NvmlReturn DeviceGetCurrentClocksEventReasons(nint device, out ulong reasons) =>
        Read(device, nameof(DeviceGetCurrentClocksEventReasons), g => g.ClocksEventReasons, out reasons);

    public NvmlReturn DeviceGetPcieReplayCounter(nint device, out uint count) =>
        Read(device, nameof(DeviceGetPcieReplayCounter), g => g.PcieReplays, out count);

    public NvmlReturn DeviceGetMigMode(nint device, out uint currentMode, out uint pendingMode)
    {
        currentMode = pendingMode = Gpu(device).MigMode ? 1u : 0u;
        return Answer(device, nameof(DeviceGetMigMode));
    }

    public NvmlReturn DeviceGetMaxMigDeviceCount(nint device, out uint count)
    {
        count = (uint)Gpu(device).MigSlots.Count;
        return Answer(device, nameof(DeviceGetMaxMigDeviceCount));
    }

    public NvmlReturn DeviceGetMigDeviceHandleByIndex(nint device, uint index, out nint migDevice)
    {
        migDevice = Gpu(device).MigSlots[(int)index] is null ? 0 : (1000 * device) + (nint)index;
        return migDevice == 0 ? NvmlReturn.NotFound : NvmlReturn.Success;
    }

    public NvmlReturn DeviceGetGpuInstanceId(nint device, out uint gpuInstanceId)
    {
        gpuInstanceId = Mig(device)?.GpuInstanceId ?? 0;
        return Mig(device) is null ? NvmlReturn.InvalidArgument : NvmlReturn.Success;
    }

    public NvmlReturn GpmQueryDeviceSupport(nint device, ref NvmlGpmSupport support)
    {
        if (support.Version != NvmlGpmSupport.CurrentVersion)
        {
            return NvmlReturn.ArgumentVersionMismatch;
        }

        support.IsSupportedDevice = Gpu(device).Gpm is null ? 0u : 1u;
        return NvmlReturn.Success;
    }

    public NvmlReturn GpmSampleAlloc(out nint sample)
    {
        sample = _nextSample++;
        LiveSamples.Add(sample);
        return NvmlReturn.Success;
    }

    public NvmlReturn GpmSampleFree(nint sample)
    {
        _samples.Remove(sample);
        return LiveSamples.Remove(sample) ? NvmlReturn.Success : NvmlReturn.InvalidArgument;
    }

    public NvmlReturn GpmSampleGet(nint device, nint sample) => TakeSample(device, null, sample, nameof(GpmSampleGet));

    public NvmlReturn GpmMigSampleGet(nint device, uint gpuInstanceId, nint sample) => TakeSample(device, gpuInstanceId, sample, nameof(GpmMigSampleGet));

    public NvmlReturn GpmMetricsGet(ref NvmlGpmMetricsGet metrics)
    {
        if (metrics.Version != NvmlGpmMetricsGet.CurrentVersion || metrics.NumMetrics > NvmlGpmMetricArray.Length
            || !_samples.TryGetValue(metrics.Sample1, out var first) || !_samples.TryGetValue(metrics.Sample2, out var second)
            || first.Gpu != second.Gpu || first.GpuInstance != second.GpuInstance || first.Sequence >= second.Sequence)
        {
            return NvmlReturn.InvalidArgument;
        }

        var values = second.GpuInstance is { } instance
            ? Gpu(second.Gpu).MigSlots.First(m => m?.GpuInstanceId == instance)!.Gpm
            : Gpu(second.Gpu).Gpm!;
        for (var i = 0; i < metrics.NumMetrics; i++)
        {
            ref var metric = ref metrics.Metrics[i];
            metric.NvmlReturn = values.TryGetValue((NvmlGpmMetricId)metric.MetricId, out var value) ? NvmlReturn.Success : NvmlReturn.NotSupported;
            metric.Value = value;
        }

        return NvmlReturn.Success;
    }

    private NvmlReturn TakeSample(nint device, uint? gpuInstance, nint sample, string call)
    {
        if (!LiveSamples.Contains(sample))
        {
            return NvmlReturn.InvalidArgument;
        }

        var result = Answer(device, call);
        if (result == NvmlReturn.Success)
        {
            _samples[sample] = (device, gpuInstance, ++_sequence);
        }

        return result;
    }

    private NvmlReturn Read<T>(nint device, string call, Func<FakeGpu, T> read, out T value)
    {
        var result = Answer(device, call);
        value = result == NvmlReturn.Success ? read(Gpu(device)) : default!;
        return result;
    }

    // A MIG handle answers only what the collector may ask a MIG device; anything else is a mistake worth noticing.
    private NvmlReturn Answer(nint device, string call) =>
        Mig(device) is null ? Gpu(device).ResultOf(call) : throw new InvalidOperationException($"{call} asked of a MIG device");

    private FakeGpu Gpu(nint device) => Gpus[(int)device - 1];

    private FakeMigDevice? Mig(nint device) => device >= 1000 ? Gpus[(int)(device / 1000) - 1].MigSlots[(int)(device % 1000)] : null;
}
