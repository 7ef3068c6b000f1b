using Telemetry.Analytics.Gpus;
using Telemetry.Analytics.Jobs;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Fields;

namespace Telemetry.Analytics.Aggregation;

/// <summary>
/// Charges one interval between two samples of a GPU (energy from both sources, GPU-seconds, busy and throttled time,
/// estimated tensor TFLOP, its state) to the GPU's figures in a window and to the job that held the GPU at the
/// interval's start. The aggregator picks the window; this says what the interval adds to it. Not thread-safe.
/// </summary>
internal sealed class IntervalCharging(AggregatorOptions options, AllocationTimeline timeline, AggregatorCounters counters)
{
    private readonly WasteRules _waste = options.Waste;
    private readonly long _maxGapMs = (long)options.MaxIntegrationGap.TotalMilliseconds;

    /// <summary>Charges the interval from <paramref name="start"/> to <paramref name="end"/> to the window its start falls in.</summary>
    /// <param name="window">The window of the interval's start.</param>
    /// <param name="gpu">The GPU.</param>
    /// <param name="start">The sample that opens the interval.</param>
    /// <param name="end">The sample that closes it.</param>
    /// <param name="attributionKnown">False when the node's allocation events did not arrive in time: energy no job claims is then unattributed rather than unallocated.</param>
    public void Charge(OpenWindow window, ref GpuTrack gpu, in SampleSnapshot start, in SampleSnapshot end, bool attributionKnown)
    {
        ref var acc = ref window.Gpu(gpu.Slot);
        var seconds = (end.Time - start.Time) / 1000.0;
        var energy = IntervalEnergy.Of(start, end.Time, end.EnergyMilliJoules, end.Power, _maxGapMs);
        AddEnergy(ref acc, energy, seconds);
        var busy = start.SmActive >= _waste.BusySmActivity;
        // Tensor work is estimated only where the GPU reports tensor activity and its model's peak is known.
        var estimated = gpu.Peak is not null && !double.IsNaN(start.TensorActive);
        var tflop = estimated ? start.TensorActive * gpu.Peak!.PeakDenseBf16Tflops * start.ClockRatio * seconds : 0;
        acc.BusySeconds += busy ? seconds : 0;
        var reasons = (ClockEventReasons)(start.ClockEventReasons ?? 0);
        if ((reasons & ClockEventReasons.Throttling) != 0)
        {
            // Rare: the throttling figures are written only when there is something to add.
            acc.ThrottleSeconds += seconds;
            acc.ThermalThrottleSeconds += (reasons & (ClockEventReasons.SwThermalSlowdown | ClockEventReasons.HwThermalSlowdown)) != 0 ? seconds : 0;
            acc.PowerThrottleSeconds += (reasons & ClockEventReasons.HwPowerBrakeSlowdown) != 0 ? seconds : 0;
        }

        acc.Tflop += tflop;

        if (gpu.Allocations is null && gpu.AllocationsVersion != timeline.GpusVersion)
        {
            gpu.Allocations = timeline.Find(gpu.Identity.AllocationKey);
            gpu.AllocationsVersion = timeline.GpusVersion;
        }

        var job = gpu.Allocations is { } allocations ? AllocationTimeline.JobAt(allocations, start.Time) : null;
        var state = (int)IntervalClassifier.State(start, job is not null, _waste);
        acc.StateSeconds[state] += seconds;
        acc.StateJoules[state] += energy.Joules;
        if (!ReferenceEquals(window.LastJobId(gpu.Slot), job?.Id))
        {
            // Mostly the same job as the last interval's: storing the reference again would cost a GC write barrier.
            window.JobsOf(gpu.Slot).LastJobId = job?.Id;
        }

        if (job is null)
        {
            if (attributionKnown)
            {
                acc.UnallocatedJoules += energy.Joules;
            }
            else
            {
                acc.UnattributedJoules += energy.Joules;
            }

            return;
        }

        acc.AllocatedSeconds += seconds;
        ref var jobs = ref window.JobsOf(gpu.Slot);
        if (!ReferenceEquals(jobs.Job, job))
        {
            jobs.Job = job;
            jobs.Partial = window.Job(job).Gpu(gpu.Slot);
        }

        var jobAcc = jobs.Partial!;
        jobAcc.GpuSeconds += seconds;
        jobAcc.BusyGpuSeconds += busy ? seconds : 0;
        jobAcc.EnergyJoules += energy.Joules;
        jobAcc.Tflop += tflop;
        jobAcc.TensorEnergyJoules += estimated ? energy.Joules : 0;
        if (busy)
        {
            jobAcc.BoundSeconds[(int)IntervalClassifier.Bound(start, _waste)] += seconds;
        }
    }

    private void AddEnergy(ref GpuAccumulator acc, in IntervalEnergy energy, double seconds)
    {
        if (energy.Reset)
        {
            acc.CounterResets++;
            counters.AddCounterReset();
        }

        if (energy.Wrapped)
        {
            acc.CounterWraps++;
        }

        if (energy.Gap)
        {
            acc.Gaps++;
        }

        acc.EnergyCounterJoules += energy.CounterJoules ?? 0;
        acc.CounterSeconds += energy.CounterJoules is null ? 0 : seconds;
        acc.EnergyIntegratedJoules += energy.IntegratedJoules ?? 0;
        acc.IntegratedSeconds += energy.IntegratedJoules is null ? 0 : seconds;
        if (energy is { CounterJoules: { } c, IntegratedJoules: { } i })
        {
            acc.BothCounterJoules += c;
            acc.BothIntegratedJoules += i;
        }

        acc.EnergyJoules += energy.Joules;
        acc.CoveredSeconds += energy.Gap ? 0 : seconds;
    }
}
