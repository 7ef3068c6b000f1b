namespace Telemetry.Agent.Simulation;

/// <summary>What a simulated job really consumed and produced, to compare the pipeline's answer with.</summary>
public sealed class JobTruth(SimulatedJob job)
{
    /// <summary>The job.</summary>
    public SimulatedJob Job { get; } = job;

    /// <summary>Energy of its GPUs while it held them, in millijoules (the energy counters' own unit).</summary>
    public long EnergyMilliJoules { get; internal set; }

    /// <summary>Energy in joules.</summary>
    public double EnergyJoules => EnergyMilliJoules / 1000.0;

    /// <summary>Tokens it reported.</summary>
    public long Tokens { get; internal set; }

    /// <summary>GPU-seconds it held.</summary>
    public long GpuSeconds { get; internal set; }
}
