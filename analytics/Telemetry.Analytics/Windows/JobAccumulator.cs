using Telemetry.Analytics.Jobs;

namespace Telemetry.Analytics.Windows;

/// <summary>
/// One job's additive partials in one window, kept per GPU and added up only when the window closes, in the GPUs'
/// identity order: the sums then do not depend on the order the partitions' messages arrived in, so a replay with
/// another interleaving, or another instance, gives bit-identical results.
/// </summary>
internal sealed class JobAccumulator(JobInfo job)
{
    public JobInfo Job { get; } = job;
    public Dictionary<int, JobGpuPartial> PerGpu { get; } = [];

    /// <summary>Tokens reported, by the throughput partition they came from (so that a revoked partition's can be taken back).</summary>
    public Dictionary<SourcePartition, long> TokensBySource { get; } = [];

    public long Tokens => TokensBySource.Values.Sum();
    public bool ReportsThroughput;
    public string? ThroughputUnit;

    public void AddTokens(SourcePartition source, long tokens) => TokensBySource[source] = TokensBySource.GetValueOrDefault(source) + tokens;

    public JobGpuPartial Gpu(int slot)
    {
        if (!PerGpu.TryGetValue(slot, out var partial))
        {
            partial = new JobGpuPartial();
            PerGpu.Add(slot, partial);
        }

        return partial;
    }
}

/// <summary>What one GPU contributed to one job in one window.</summary>
internal sealed class JobGpuPartial
{
    public double GpuSeconds;
    public double BusyGpuSeconds;
    public double EnergyJoules;
    public double Tflop;
    public double TensorEnergyJoules;
    public readonly double[] BoundSeconds = new double[Bounds];

    private static readonly int Bounds = Enum.GetValues<WorkBound>().Length;
}
