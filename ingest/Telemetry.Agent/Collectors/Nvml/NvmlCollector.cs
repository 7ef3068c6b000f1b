using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// Reads every GPU on the node through NVML, the NVIDIA driver's management library: clocks, power, the energy counter,
/// temperatures, utilization, memory, ECC and PCIe counters, and on Hopper and later the GPM profiling metrics. A GPU
/// in MIG mode also yields a reading per MIG device. One NVML call failing empties that field and is counted; it never
/// fails the collection. Collections are serialized.
/// </summary>
public sealed class NvmlCollector : ISampleCollector
{
    // NVML_DEVICE_MIG_ENABLE.
    private const uint MigEnabled = 1;
    // nvmlDeviceGetName of a MIG device appends " MIG <profile>" to the GPU's name.
    private const string MigNameMarker = " MIG ";

    private readonly NvmlCollectorOptions _options;
    private readonly INvml _nvml;
    private readonly NvmlAccounting _accounting;
    private readonly NvmlFieldReader _reader;
    private readonly NvmlGpmSampler _gpm;
    private readonly Lock _gate = new();
    private bool _initialized;
    private bool _disposed;

    /// <summary>A collector over the NVML library that <see cref="NvmlCollectorOptions.LibraryPath"/> names. Nothing is loaded until <see cref="StartAsync"/>.</summary>
    public NvmlCollector(NvmlCollectorOptions options, TimeProvider time)
        : this(options, new NativeNvml(options?.LibraryPath ?? NvmlLibrary.DefaultPath), time)
    {
    }

    /// <summary>A collector over the given NVML calls.</summary>
    internal NvmlCollector(NvmlCollectorOptions options, INvml nvml, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(nvml);
        ArgumentNullException.ThrowIfNull(time);
        options.Validate();
        _options = options;
        _nvml = nvml;
        _accounting = new NvmlAccounting(Counters);
        _reader = new NvmlFieldReader(nvml, _accounting);
        _gpm = new NvmlGpmSampler(nvml, _accounting, time, options.MinGpmInterval);
    }

    /// <inheritdoc/>
    public string Name => "nvml";

    /// <inheritdoc/>
    public CollectorCounters Counters { get; } = new();

    /// <inheritdoc/>
    public ValueTask StartAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_initialized)
            {
                return ValueTask.CompletedTask;
            }

            _nvml.Load();
            var result = _nvml.Init();
            if (result != NvmlReturn.Success)
            {
                throw new CollectorUnavailableException(InitFailed(result));
            }

            _initialized = true;
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc/>
    /// <exception cref="InvalidOperationException">Not started, or NVML could not count the GPUs (counted as an error).</exception>
    public ValueTask<IReadOnlyList<GpuReading>> CollectAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (!_initialized)
            {
                throw new InvalidOperationException("Start the NVML collector before collecting.");
            }

            return ValueTask.FromResult<IReadOnlyList<GpuReading>>(Collect());
        }
    }

    /// <summary>Frees the GPM samples and shuts NVML down, once.</summary>
    public ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return ValueTask.CompletedTask;
            }

            _disposed = true;
            _gpm.Dispose();
            if (_initialized)
            {
                _accounting.Succeeded(_nvml.Shutdown(), "nvmlShutdown");
                _initialized = false;
            }
        }

        return ValueTask.CompletedTask;
    }

    private List<GpuReading> Collect()
    {
        var result = _nvml.DeviceGetCount(out var count);
        if (!_accounting.Succeeded(result, "nvmlDeviceGetCount_v2"))
        {
            throw new InvalidOperationException($"NVML could not count the GPUs: {_nvml.ErrorString(result)} ({result.HeaderName()}).");
        }

        var readings = new List<GpuReading>((int)count);
        _gpm.BeginCollection();
        for (uint index = 0; index < count; index++)
        {
            ReadGpu(index, readings);
        }

        _gpm.EndCollection();
        Counters.Collected(readings.Count);
        return readings;
    }

    private void ReadGpu(uint index, List<GpuReading> readings)
    {
        if (!_accounting.Succeeded(_nvml.DeviceGetHandleByIndex(index, out var gpu), "nvmlDeviceGetHandleByIndex_v2")
            || !_accounting.Succeeded(_nvml.DeviceGetUuid(gpu, out var uuid), "nvmlDeviceGetUUID"))
        {
            return;
        }

        var model = _accounting.Succeeded(_nvml.DeviceGetName(gpu, out var name), "nvmlDeviceGetName") ? name : "unknown";
        var values = new double?[FieldCatalog.Count];
        _reader.ReadGpu(gpu, values);
        _gpm.Read(uuid, gpu, null, values);
        readings.Add(new GpuReading(new GpuIdentity(_options.NodeName, uuid, (int)index, model), values));
        if (_options.MigDevices && MigEnabledOn(gpu))
        {
            ReadMigDevices(gpu, (int)index, model, readings);
        }
    }

    private bool MigEnabledOn(nint gpu)
    {
        var result = _nvml.DeviceGetMigMode(gpu, out var mode, out _);
        if (result is NvmlReturn.NotSupported or NvmlReturn.FunctionNotFound)
        {
            // A GPU without MIG (before Ampere, or a consumer part), or a driver before MIG: nothing to enumerate.
            return false;
        }

        return _accounting.Succeeded(result, "nvmlDeviceGetMigMode") && mode == MigEnabled;
    }

    private void ReadMigDevices(nint gpu, int index, string model, List<GpuReading> readings)
    {
        if (!_accounting.Succeeded(_nvml.DeviceGetMaxMigDeviceCount(gpu, out var slots), "nvmlDeviceGetMaxMigDeviceCount"))
        {
            return;
        }

        for (uint slot = 0; slot < slots; slot++)
        {
            var result = _nvml.DeviceGetMigDeviceHandleByIndex(gpu, slot, out var mig);
            if (result == NvmlReturn.NotFound)
            {
                continue; // No MIG device in this slot.
            }

            if (!_accounting.Succeeded(result, "nvmlDeviceGetMigDeviceHandleByIndex")
                || !_accounting.Succeeded(_nvml.DeviceGetUuid(mig, out var uuid), "nvmlDeviceGetUUID")
                || !_accounting.Succeeded(_nvml.DeviceGetGpuInstanceId(mig, out var instance), "nvmlDeviceGetGpuInstanceId"))
            {
                continue;
            }

            var profile = _nvml.DeviceGetName(mig, out var name) == NvmlReturn.Success ? MigProfile(name) : null;
            var values = new double?[FieldCatalog.Count];
            _reader.ReadMigDevice(mig, values);
            _gpm.Read(uuid, gpu, instance, values);
            readings.Add(new GpuReading(new GpuIdentity(_options.NodeName, uuid, index, model, (int)instance, profile), values));
        }
    }

    private static string? MigProfile(string migDeviceName)
    {
        var marker = migDeviceName.LastIndexOf(MigNameMarker, StringComparison.Ordinal);
        return marker < 0 ? null : migDeviceName[(marker + MigNameMarker.Length)..].Trim();
    }

    private string InitFailed(NvmlReturn result)
    {
        var hint = result switch
        {
            NvmlReturn.DriverNotLoaded =>
                "the NVIDIA kernel driver is not loaded: check nvidia-smi on the node, and in a container that the /dev/nvidia* devices are passed in",
            NvmlReturn.LibRmVersionMismatch =>
                "the library and the running kernel driver are different versions, usually after a driver upgrade without a reboot: " +
                "reboot or reload the driver, or set --nvml-library to the library of the running driver",
            NvmlReturn.NoPermission => "the agent may not open the /dev/nvidia* devices: run it with access to them",
            NvmlReturn.LibraryNotFound or NvmlReturn.FunctionNotFound =>
                "the library is incomplete or from another driver: set --nvml-library to the running driver's libnvidia-ml.so.1",
            _ => "check the NVIDIA driver on this node with nvidia-smi",
        };
        return $"NVML could not start: nvmlInit_v2 in {_options.LibraryPath} returned {result.HeaderName()} ({_nvml.ErrorString(result)}); {hint}.";
    }
}
