using System.Runtime.CompilerServices;

namespace Telemetry.Analytics.Windows;

/// <summary>
/// One GPU's partial figures in one window: sample statistics and the intervals that start in the window. A struct:
/// a window keeps its GPUs' accumulators in arrays by slot (pages of <see cref="Aggregation.SlotPages{T}.PageSlots"/>), read and
/// written in place, so that the heap holds a few objects per window instead of several per GPU, and the GPUs of one
/// message lie side by side. It holds no references (its jobs are in <see cref="GpuJobs"/>, beside it), so the garbage
/// collector never scans those arrays, 216 MB at 450,000 GPUs, nor marks cards as accumulators are written.
/// </summary>
internal struct GpuAccumulator
{
    /// <summary>
    /// The <see cref="OpenWindow.Generation"/> of the window this accumulator is a GPU of. A slot holding any other
    /// (0 in a new page, or a closed window's, in a page handed on) is empty: its figures are stale, and the GPU's
    /// first use in the window starts it afresh, so closing a window leaves its pages as they are.
    /// </summary>
    public int Generation;

    /// <summary>Energy of this GPU's intervals no job held, by the allocation events received.</summary>
    public double UnallocatedJoules;

    /// <summary>Energy of this GPU's intervals whose node's allocation events never arrived in time.</summary>
    public double UnattributedJoules;

    public int Samples;
    public Stat GpuUtil;
    public Stat SmActive;
    public Stat TensorActive;
    public Stat DramActive;
    public Stat Power;
    public double GpuTempMax;
    public double MemoryTempMax;
    public double FbUsedMax;
    public double FbTotal;
    public int XidCount;
    public long XidLast;

    public double CoveredSeconds;
    public double CounterSeconds;
    public double IntegratedSeconds;
    public double EnergyCounterJoules;
    public double EnergyIntegratedJoules;
    public double EnergyJoules;
    public int CounterResets;
    public int Gaps;
    public double ThrottleSeconds;
    public double BusySeconds;
    public double AllocatedSeconds;
    public double Tflop;
    public int CounterWraps;
    public int EccDbeErrors;
    public int UncorrectableRemappedRows;
    public int RowRemapFailure;
    public long? XidGauge;
    public double ThermalThrottleSeconds;
    public double PowerThrottleSeconds;
    public double BothCounterJoules;
    public double BothIntegratedJoules;
    public PerState StateSeconds;
    public PerState StateJoules;

    /// <summary>The number of <see cref="GpuState"/> values.</summary>
    public const int States = 7;

    /// <summary>A GPU's accumulator as it starts in the window of this generation: no readings.</summary>
    public static GpuAccumulator Empty(int generation) => new()
    {
        Generation = generation,
        GpuTempMax = double.NaN,
        MemoryTempMax = double.NaN,
        FbUsedMax = double.NaN,
        FbTotal = double.NaN,
    };

    /// <summary>A figure per <see cref="GpuState"/>, in place.</summary>
    [InlineArray(States)]
    public struct PerState
    {
        private double _first;
    }

    /// <summary>Mean and maximum of a reading over the samples that had it.</summary>
    public struct Stat
    {
        public double Sum;
        public double Max;
        public int Count;

        public void Add(double value)
        {
            Max = Count == 0 ? value : Math.Max(Max, value);
            Sum += value;
            Count++;
        }

        public readonly double? Mean => Count == 0 ? null : Sum / Count;

        public readonly double? Maximum => Count == 0 ? null : Max;
    }
}

/// <summary>
/// One GPU's jobs in one window, beside its <see cref="GpuAccumulator"/>: the job of its last interval, and the last
/// allocated one's partial (the next interval is mostly the same job's).
/// </summary>
internal struct GpuJobs
{
    /// <summary>The job of the GPU's last interval here; null when no job held it.</summary>
    public string? LastJobId;

    public Jobs.JobInfo? Job;
    public JobGpuPartial? Partial;
}
