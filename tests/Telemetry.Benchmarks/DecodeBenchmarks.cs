using BenchmarkDotNet.Attributes;
using Telemetry.Cli.Bench;
using Telemetry.Contract.Samples;

namespace Telemetry.Benchmarks;

/// <summary>One agent message (8 GPUs, one tick) from payload to columns, beside a copy of its bytes.</summary>
public class DecodeBenchmarks
{
    private byte[] _payload = [];
    private byte[] _buffer = [];

    [Params(8, 1024)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var fleet = new BenchFleet(Rows, DateTimeOffset.UtcNow.AddHours(-1).ToUnixTimeMilliseconds());
        _payload = fleet.Payloads(0, Rows)[0];
        _buffer = new byte[_payload.Length];
    }

    [Benchmark(Baseline = true)]
    public void Copy() => _payload.CopyTo(_buffer.AsSpan());

    [Benchmark]
    public int Decode()
    {
        using var batch = SampleBatchCodec.Decode(_payload);
        return batch.Length;
    }
}
