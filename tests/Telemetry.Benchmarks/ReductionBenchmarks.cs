using BenchmarkDotNet.Attributes;
using Telemetry.Analytics;
using Telemetry.Analytics.Aggregation;
using Telemetry.Cli.Bench;

namespace Telemetry.Benchmarks;

/// <summary>
/// One tick of a fleet reduced into its windows by the real aggregator (every row closing an interval), beside a
/// vectorised sum over the same columns. Each invocation reduces the next tick, so no row is a duplicate.
/// </summary>
public class ReductionBenchmarks
{
    private const int Ticks = 64;
    private ReductionData? _data;
    private SampleAggregator? _aggregator;
    private int _tick;

    [Params(4096)]
    public int Gpus { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var start = (DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds() / 60_000) * 60_000;
        _data = ReductionData.Build(new BenchFleet(Gpus, start), Ticks, 1024);

        // With one invocation per iteration the aggregator's code would be measured before tiered compilation has
        // optimised it: run it until the JIT is quiet first.
        Throughput.WarmUp(() =>
        {
            var aggregator = new SampleAggregator(new AggregatorOptions(), TimeProvider.System);
            foreach (var tick in _data.Ticks)
            {
                ReductionBench.Reduce(aggregator, tick);
            }
        }, TimeSpan.FromSeconds(1));
    }

    // One aggregator goes on across iterations, so that each measures the steady state: its GPUs known, their window
    // open. It starts afresh (two ticks in) only when the ticks run out.
    [IterationSetup(Target = nameof(Reduce))]
    public void NextTick()
    {
        if (_aggregator is null || _tick >= Ticks)
        {
            _aggregator = new SampleAggregator(new AggregatorOptions(), TimeProvider.System);
            ReductionBench.Reduce(_aggregator, _data!.Ticks[0]);
            ReductionBench.Reduce(_aggregator, _data.Ticks[1]);
            _tick = 2;
        }
    }

    [Benchmark]
    public void Reduce() => ReductionBench.Reduce(_aggregator!, _data!.Ticks[_tick++]);

    [Benchmark(Baseline = true)]
    public double VectorSum() => ReductionBench.Sum(_data!.Ticks[1]);

    [GlobalCleanup]
    public void Cleanup() => _data?.Dispose();
}
