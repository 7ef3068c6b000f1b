using System.Runtime.InteropServices;
using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Collectors.DcgmExporter;

/// <summary>
/// Turns the samples of one dcgm-exporter page into one <see cref="GpuReading"/> per GPU UUID and MIG instance
/// (<c>UUID</c>, <c>GPU_I_ID</c>): a MIG instance is a reading of its own, never merged into its parent GPU.
/// </summary>
/// <remarks>
/// A family maps to a catalog field through <see cref="FieldCatalog.TryGetByName"/>, so classic names
/// (<c>DCGM_FI_DEV_GPU_TEMP</c>) and DCGM 4.6 names (<c>DCGM_FI_DEV_GPU_TEMP_CELSIUS</c>) land in the same field. Other
/// families are ignored and counted by name. That includes the exporter's own <c>DCGM_EXP_*</c> metrics, none of which
/// has a catalog field: <c>DCGM_EXP_XID_ERRORS_COUNT</c> and <c>DCGM_EXP_CLOCK_EVENTS_COUNT</c> count events per XID
/// code or per clock-event reason over a window, while the catalog's <c>xid</c> and <c>clocks_event_reasons</c> hold
/// the last code and the current reason bitmask, which <c>DCGM_FI_DEV_XID_ERRORS</c> and
/// <c>DCGM_FI_DEV_CLOCKS_EVENT_REASONS</c> give directly; <c>DCGM_EXP_GPU_HEALTH_STATUS</c> and
/// <c>DCGM_EXP_P2P_STATUS</c> are health-watch and topology results with no field at all.
/// When a field appears in several series of one GPU (one per pod sharing the GPU) the first value wins.
/// </remarks>
internal sealed class DcgmPageBuilder(string fallbackNode, int maxGpus)
{
    private readonly Dictionary<(string Uuid, int? Instance), GpuReadingBuilder> _gpus = [];
    private readonly List<GpuReadingBuilder> _order = [];
    private readonly HashSet<GpuWorkloadLabels> _seenWorkloads = [];
    private readonly List<GpuWorkloadLabels> _workloads = [];
    private readonly Dictionary<string, int> _ignored = new(StringComparer.Ordinal);
    private readonly List<(string Field, BlankReason Reason)> _blanks = [];
    private int _withoutUuid;

    /// <summary>Adds one sample of the page.</summary>
    /// <exception cref="PrometheusTextException">The sample would make more GPUs and MIG instances than the limit.</exception>
    public void Add(PrometheusSample sample)
    {
        if (!FieldCatalog.TryGetByName(sample.Name, out var field))
        {
            CollectionsMarshal.GetValueRefOrAddDefault(_ignored, sample.Name, out _)++;
            return;
        }

        if (DcgmLabels.UuidOf(sample) is not { } uuid)
        {
            _withoutUuid++;
            return;
        }

        var gpu = ReadingFor(sample, uuid);
        AddWorkload(sample, gpu.Gpu);
        gpu.SeeTimestamp(sample.TimestampUnixMs);
        var ordinal = FieldCatalog.OrdinalOf(field.Id);
        if (!gpu.Has(ordinal))
        {
            gpu.Set(ordinal, ValueOf(sample, field));
        }
    }

    /// <summary>The page's readings, workloads and accounting.</summary>
    public DcgmPage Build() => new(
        [.. _order.Select(g => g.Build())],
        [.. _workloads],
        new Dictionary<string, int>(_ignored, StringComparer.Ordinal),
        [.. _blanks],
        _withoutUuid);

    private GpuReadingBuilder ReadingFor(PrometheusSample sample, string uuid)
    {
        var key = (uuid, DcgmLabels.MigInstanceOf(sample));
        if (!_gpus.TryGetValue(key, out var reading))
        {
            if (_gpus.Count == maxGpus)
            {
                throw new PrometheusTextException(PrometheusTextError.TooManySeries, sample.Line,
                    $"the page describes more than {maxGpus} GPUs and MIG instances (MaxGpus)");
            }

            reading = new GpuReadingBuilder(DcgmLabels.IdentityOf(sample, uuid, fallbackNode));
            _gpus.Add(key, reading);
            _order.Add(reading);
        }

        return reading;
    }

    private void AddWorkload(PrometheusSample sample, GpuIdentity gpu)
    {
        if (DcgmLabels.WorkloadOf(sample, gpu) is { } workload && _seenWorkloads.Add(workload))
        {
            _workloads.Add(workload);
        }
    }

    /// <summary>The value as a reading: null, and counted, for DCGM's sentinels, NaN and infinities.</summary>
    private double? ValueOf(PrometheusSample sample, FieldDefinition field)
    {
        if (!double.IsFinite(sample.Value))
        {
            _blanks.Add((field.Name, BlankReason.NotANumber));
            return null;
        }

        if (DcgmBlanks.IsBlank(sample.ValueText, sample.Value, out var reason))
        {
            _blanks.Add((field.Name, reason));
            return null;
        }

        return sample.Value;
    }
}
