using System.Diagnostics;

namespace Telemetry.Cli.Bench;

/// <summary>A process the agent benchmark measures, and its resident memory summed over the window's seconds.</summary>
internal sealed class MeasuredProcess(string name, Process process, bool sendsSamples) : IDisposable
{
    private TimeSpan _cpuAtStart;
    private long _residentSum;
    private long _readings;

    public void Start() => _cpuAtStart = ProcessFootprint.CpuTime(process.Id);

    /// <summary>Takes one reading of resident memory; throws when the process has exited.</summary>
    public void Read()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"The {name} exited with status {process.ExitCode} during the benchmark.");
        }

        _residentSum += ProcessFootprint.ResidentBytes(process.Id);
        _readings++;
    }

    /// <summary>The figures over <paramref name="wall"/> seconds, CPU per sample for an agent reading <paramref name="gpus"/> GPUs a second.</summary>
    public FootprintResult Result(double wall, int gpus)
    {
        const double MiB = 1024 * 1024;
        var used = (ProcessFootprint.CpuTime(process.Id) - _cpuAtStart).TotalSeconds;
        return new FootprintResult(name, _residentSum / Math.Max(1, _readings) / MiB, ProcessFootprint.PeakResidentBytes(process.Id) / MiB, 100 * used / wall, sendsSamples ? used * 1e6 / (gpus * wall) : null);
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }

        process.Dispose();
    }
}
