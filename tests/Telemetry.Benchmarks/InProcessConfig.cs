using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Telemetry.Benchmarks;

/// <summary>
/// Benchmarks run in this process: the generated project BenchmarkDotNet builds otherwise would not inherit the
/// repository's central package versions. Allocations are reported beside times.
/// </summary>
public static class InProcessConfig
{
    public static IConfig Create() => DefaultConfig.Instance
        .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
        .AddDiagnoser(MemoryDiagnoser.Default)
        .WithOptions(ConfigOptions.DisableOptimizationsValidator);
}
