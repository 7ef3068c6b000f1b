using Telemetry.Contract.Fields;

namespace Telemetry.Agent.Collectors.Nvml;

/// <summary>
/// GPU Performance Monitoring (Hopper and later): SM, tensor and DRAM activity and PCIe and NVLink rates, each computed
/// by NVML from two samples taken an interval apart. Keeps the previous sample of every device (by UUID), so the first
/// collection of a device leaves these fields empty and each later one reports the interval since the one before.
/// A device without GPM is asked once and then skipped without counting: it is a capability, not a failure.
/// Not thread-safe: the collector calls it under its lock.
/// </summary>
internal sealed class NvmlGpmSampler(INvml nvml, NvmlAccounting accounting, TimeProvider time, TimeSpan minInterval) : IDisposable
{
    private const double BytesPerMiB = 1024 * 1024;

    // Percentages (0 to 100) become the catalog's ratios (0 to 1); MiB/s become B/s.
    private static readonly (NvmlGpmMetricId Id, int Ordinal, bool Percent)[] Metrics =
    [
        (NvmlGpmMetricId.GraphicsUtil, FieldOrdinals.GrEngineActive, true),
        (NvmlGpmMetricId.SmUtil, FieldOrdinals.SmActive, true),
        (NvmlGpmMetricId.SmOccupancy, FieldOrdinals.SmOccupancy, true),
        (NvmlGpmMetricId.AnyTensorUtil, FieldOrdinals.PipeTensorActive, true),
        (NvmlGpmMetricId.DramBwUtil, FieldOrdinals.DramActive, true),
        (NvmlGpmMetricId.Fp64Util, FieldOrdinals.PipeFp64Active, true),
        (NvmlGpmMetricId.Fp32Util, FieldOrdinals.PipeFp32Active, true),
        (NvmlGpmMetricId.Fp16Util, FieldOrdinals.PipeFp16Active, true),
        (NvmlGpmMetricId.PcieTxPerSec, FieldOrdinals.PcieTxBytes, false),
        (NvmlGpmMetricId.PcieRxPerSec, FieldOrdinals.PcieRxBytes, false),
        (NvmlGpmMetricId.NvlinkTotalTxPerSec, FieldOrdinals.NvlinkTxBytes, false),
        (NvmlGpmMetricId.NvlinkTotalRxPerSec, FieldOrdinals.NvlinkRxBytes, false),
    ];

    private readonly Dictionary<string, GpmSamplePair> _devices = new(StringComparer.Ordinal);
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    /// <summary>Starts a collection: devices not read before <see cref="EndCollection"/> are forgotten then.</summary>
    public void BeginCollection() => _seen.Clear();

    /// <summary>
    /// Samples the device and, when a previous sample is at hand, fills the GPM fields. For a MIG device,
    /// <paramref name="gpu"/> is the parent GPU and <paramref name="gpuInstanceId"/> its GPU instance.
    /// </summary>
    public void Read(string uuid, nint gpu, uint? gpuInstanceId, double?[] values)
    {
        _seen.Add(uuid);
        if (!_devices.TryGetValue(uuid, out var pair))
        {
            pair = new GpmSamplePair();
            _devices.Add(uuid, pair);
        }

        pair.Supported ??= QuerySupport(gpu);
        if (pair.Supported != true || (!pair.Allocated && !Allocate(pair)))
        {
            return;
        }

        var now = time.GetTimestamp();
        if (pair.HasPrevious && time.GetElapsedTime(pair.PreviousTimestamp, now) < minInterval)
        {
            return;
        }

        var result = gpuInstanceId is { } instance ? nvml.GpmMigSampleGet(gpu, instance, pair.Current) : nvml.GpmSampleGet(gpu, pair.Current);
        if (!accounting.Succeeded(result, gpuInstanceId is null ? "nvmlGpmSampleGet" : "nvmlGpmMigSampleGet"))
        {
            pair.HasPrevious = false;
            return;
        }

        if (pair.HasPrevious)
        {
            Compute(pair.Previous, pair.Current, values);
        }

        pair.Advance(now);
    }

    /// <summary>Ends a collection, freeing the samples of devices that were not read (gone, or MIG devices destroyed).</summary>
    public void EndCollection()
    {
        foreach (var uuid in _devices.Keys.Where(uuid => !_seen.Contains(uuid)).ToList())
        {
            Free(_devices[uuid]);
            _devices.Remove(uuid);
        }
    }

    /// <summary>Frees every sample buffer. Call before nvmlShutdown.</summary>
    public void Dispose()
    {
        foreach (var pair in _devices.Values)
        {
            Free(pair);
        }

        _devices.Clear();
    }

    private bool? QuerySupport(nint gpu)
    {
        var support = new NvmlGpmSupport { Version = NvmlGpmSupport.CurrentVersion };
        return nvml.GpmQueryDeviceSupport(gpu, ref support) switch
        {
            NvmlReturn.Success => support.IsSupportedDevice != 0,
            NvmlReturn.NotSupported or NvmlReturn.FunctionNotFound => false,
            var failed => Unknown(failed),
        };

        bool? Unknown(NvmlReturn failed)
        {
            accounting.Failed("nvmlGpmQueryDeviceSupport", failed);
            return null;
        }
    }

    private bool Allocate(GpmSamplePair pair)
    {
        if (pair.Previous == 0 && accounting.Succeeded(nvml.GpmSampleAlloc(out var previous), "nvmlGpmSampleAlloc"))
        {
            pair.Previous = previous;
        }

        if (pair.Current == 0 && accounting.Succeeded(nvml.GpmSampleAlloc(out var current), "nvmlGpmSampleAlloc"))
        {
            pair.Current = current;
        }

        return pair.Allocated;
    }

    private void Compute(nint previous, nint current, double?[] values)
    {
        var request = new NvmlGpmMetricsGet
        {
            Version = NvmlGpmMetricsGet.CurrentVersion,
            NumMetrics = (uint)Metrics.Length,
            Sample1 = previous,
            Sample2 = current,
        };
        for (var i = 0; i < Metrics.Length; i++)
        {
            request.Metrics[i].MetricId = (uint)Metrics[i].Id;
        }

        if (!accounting.Succeeded(nvml.GpmMetricsGet(ref request), "nvmlGpmMetricsGet"))
        {
            return;
        }

        for (var i = 0; i < Metrics.Length; i++)
        {
            var (_, ordinal, percent) = Metrics[i];
            ref readonly var metric = ref request.Metrics[i];
            if (accounting.Succeeded(metric.NvmlReturn, ordinal))
            {
                values[ordinal] = percent ? metric.Value / 100 : metric.Value * BytesPerMiB;
            }
        }
    }

    private void Free(GpmSamplePair pair)
    {
        foreach (var sample in (ReadOnlySpan<nint>)[pair.Previous, pair.Current])
        {
            if (sample != 0)
            {
                accounting.Succeeded(nvml.GpmSampleFree(sample), "nvmlGpmSampleFree");
            }
        }

        pair.Previous = pair.Current = 0;
        pair.HasPrevious = false;
    }
}
