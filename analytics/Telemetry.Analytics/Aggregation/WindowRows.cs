using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Aggregation;

/// <summary>Turns a closing window's accumulators into ledger rows.</summary>
internal static class WindowRows
{
    /// <summary>
    /// A closing window's rows: per GPU, per GPU and state, per job, the fleet's, and the partitions' offsets it holds.
    /// Rows and sums come in the GPUs' identity order, not the order they were first seen in, so that the same input
    /// in another interleaving gives the same bytes.
    /// </summary>
    public static ClosedWindow Of(OpenWindow window, GpuRegistry registry, long windowMs, double tolerance)
    {
        var gpus = new GpuWindowRows(window.Start, window.End, window.Slots.Count);
        var states = new GpuStateRows(gpus, window.Slots.Count);
        var fleet = new FleetTally();
        foreach (var slot in registry.Order())
        {
            if (!window.Holds(slot))
            {
                continue;
            }

            ref var acc = ref window.GpuAt(slot);
            var confidence = Confidence(acc, tolerance);
            for (var state = 0; state < GpuAccumulator.States; state++)
            {
                if (acc.StateSeconds[state] > 0)
                {
                    states.Add(gpus.Count, (GpuState)state, acc.StateSeconds[state], acc.StateJoules[state]);
                }
            }

            gpus.Add(registry[slot].Identity, window.LastJobId(slot), new GpuWindowValues(acc, windowMs, confidence));
            fleet.Add(acc, confidence);
        }

        var rank = registry.Ranks();
        var jobs = window.Jobs.Values.OrderBy(j => j.Job.Id, StringComparer.Ordinal)
            .Select(j => Job(window, j, [.. j.PerGpu.OrderBy(p => rank[p.Key]).ThenBy(p => p.Key)], slot => registry[slot].Identity.Model))
            .ToList();
        var sources = window.MinOffsets
            .Select(m => new WindowSource(window.Start, window.End, m.Key.Topic, m.Key.Partition, m.Value, window.MaxOffsets[m.Key]))
            .OrderBy(m => m.Topic, StringComparer.Ordinal).ThenBy(m => m.Partition).ToList();
        return new ClosedWindow(window.Start, window.End, gpus, jobs, states, fleet.Row(window, jobs), sources);
    }

    /// <summary>How sure the window's energy is: a gap first, then whether the two sources agree where both exist.</summary>
    public static EnergyConfidence Confidence(in GpuAccumulator acc, double tolerance)
    {
        if (acc.Gaps > 0)
        {
            return EnergyConfidence.Gap;
        }

        if (acc.CounterSeconds > 0 && acc.IntegratedSeconds > 0)
        {
            var larger = Math.Max(acc.BothCounterJoules, acc.BothIntegratedJoules);
            return larger <= 0 || Math.Abs(acc.BothCounterJoules - acc.BothIntegratedJoules) <= tolerance * larger
                ? EnergyConfidence.Agree
                : EnergyConfidence.Disagree;
        }

        return acc.CounterSeconds > 0 ? EnergyConfidence.CounterOnly
            : acc.IntegratedSeconds > 0 ? EnergyConfidence.IntegralOnly
            : EnergyConfidence.None;
    }

    // The window's fleet row, added up as its GPUs' rows are made (in their order, as the rows are written).
    private struct FleetTally
    {
        private long _samples;
        private double _energy, _unallocated, _unattributed;
        private int _gpus, _gaps, _resets, _agree, _disagree, _single, _gapped;

        public void Add(in GpuAccumulator acc, EnergyConfidence confidence)
        {
            _gpus++;
            _samples += acc.Samples;
            _energy += acc.EnergyJoules;
            _gaps += acc.Gaps;
            _resets += acc.CounterResets;
            _unallocated += acc.UnallocatedJoules;
            _unattributed += acc.UnattributedJoules;
            switch (confidence)
            {
                case EnergyConfidence.Agree:
                    _agree++;
                    break;
                case EnergyConfidence.Disagree:
                    _disagree++;
                    break;
                case EnergyConfidence.CounterOnly or EnergyConfidence.IntegralOnly:
                    _single++;
                    break;
                case EnergyConfidence.Gap:
                    _gapped++;
                    break;
            }
        }

        public readonly FleetWindow Row(OpenWindow window, IReadOnlyList<JobWindow> jobs)
        {
            var jobEnergy = 0.0;
            foreach (var job in jobs)
            {
                jobEnergy += job.EnergyJoules;
            }

            return new(window.Start, window.End, _gpus, _samples, _energy, jobEnergy, _unallocated, _unattributed, _gaps, _resets, _agree, _disagree, _single, _gapped);
        }
    }

    /// <summary>A job's row: its per-GPU partials added up in the order given (the GPUs' identity order).</summary>
    public static JobWindow Job(OpenWindow window, JobAccumulator acc, IReadOnlyList<KeyValuePair<int, JobGpuPartial>> partials, Func<int, string> modelOf)
    {
        double gpuSeconds = 0, busy = 0, energy = 0, tflop = 0, tensorEnergy = 0;
        var bounds = new double[Enum.GetValues<WorkBound>().Length];
        foreach (var (_, p) in partials)
        {
            gpuSeconds += p.GpuSeconds;
            busy += p.BusyGpuSeconds;
            energy += p.EnergyJoules;
            tflop += p.Tflop;
            tensorEnergy += p.TensorEnergyJoules;
            for (var b = 0; b < bounds.Length; b++)
            {
                bounds[b] += p.BoundSeconds[b];
            }
        }

        return new(
            window.Start,
            window.End,
            acc.Job.Id,
            acc.Job.User,
            acc.Job.Team,
            partials.Count > 0 ? modelOf(partials[0].Key) : null,
            partials.Count,
            gpuSeconds,
            busy,
            energy,
            tflop,
            acc.Tokens,
            acc.ThroughputUnit,
            tensorEnergy,
            bounds[(int)WorkBound.Compute],
            bounds[(int)WorkBound.Memory],
            bounds[(int)WorkBound.Communication],
            bounds[(int)WorkBound.Mixed],
            bounds[(int)WorkBound.Unknown]);
    }
}
