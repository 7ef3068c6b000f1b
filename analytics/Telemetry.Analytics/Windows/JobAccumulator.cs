using Telemetry.Analytics.Jobs;

namespace Telemetry.Analytics.Windows;

/// <summary>One job's additive partials in one window.</summary>
internal sealed class JobAccumulator(JobInfo job)
{
    public JobInfo Job { get; } = job;
    public HashSet<int> Gpus { get; } = [];
    public string? GpuModel { get; set; }
    public double GpuSeconds;
    public double BusyGpuSeconds;
    public double EnergyJoules;
    public double Tflop;
    public double TensorEnergyJoules;
    public readonly double[] BoundSeconds = new double[Enum.GetValues<WorkBound>().Length];
    public long Tokens;
    public bool ReportsThroughput;
    public string? ThroughputUnit;
}
