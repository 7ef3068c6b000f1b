using Apache.Arrow;
using Telemetry.Contract.Fields;
using Telemetry.Contract.Samples;
using F = Telemetry.Contract.Fields.FieldOrdinals;

namespace Telemetry.Cli.Bench;

/// <summary>
/// A synthetic fleet for the pipeline benchmark: GPUs 8 to a node, each tick one sample per GPU with every catalog field
/// filled as a busy H100 reports it (the energy counter rising with power), deterministic for its GPU and tick.
/// </summary>
internal sealed class BenchFleet
{
    public const int GpusPerNode = 8;

    /// <summary>Ticks an agent puts in one message by default (<c>--batch-seconds 5</c>).</summary>
    public const int TicksPerMessage = 5;

    /// <summary>Rows of one message of a node's samples as the agent sends them by default.</summary>
    public const int RowsPerMessage = GpusPerNode * TicksPerMessage;
    private readonly GpuIdentity[] _gpus;
    private readonly double?[] _values = new double?[FieldCatalog.Count];
    private readonly Dictionary<(int Tick, int Gpus, int Ticks), List<byte[]>> _kept = [];

    public BenchFleet(int gpus, long startUnixMs)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gpus, 1);
        StartUnixMs = startUnixMs;
        _gpus = new GpuIdentity[gpus];
        for (var g = 0; g < gpus; g++)
        {
            var node = NodeName(g / GpusPerNode);
            _gpus[g] = new GpuIdentity(node, $"GPU-{g:x8}-5e1f-4c2a-9d3b-{g * 2654435761L & 0xffffffffffff:x12}", g % GpusPerNode, "NVIDIA H100 80GB HBM3");
        }
    }

    public int Gpus => _gpus.Length;

    public int Nodes => (_gpus.Length + GpusPerNode - 1) / GpusPerNode;

    public long StartUnixMs { get; }

    /// <summary>Whether <see cref="Payloads"/> keeps what it encodes and hands it out again: for runs that send the same ticks many times.</summary>
    public bool KeepsPayloads { get; init; }

    public static string NodeName(int node) => $"node-{node:d6}";

    /// <summary>Samples of GPUs [first, first + count) at ticks [firstTick, firstTick + ticks), one second apart, time-major.</summary>
    public void Append(SampleBatchBuilder builder, int first, int count, int firstTick, int ticks)
    {
        for (var tick = firstTick; tick < firstTick + ticks; tick++)
        {
            for (var g = first; g < first + count && g < _gpus.Length; g++)
            {
                Fill(g, tick);
                builder.Append(StartUnixMs + (tick * 1000L), _gpus[g], _values);
            }
        }
    }

    /// <summary>The rows of GPUs [first, first + count) at ticks [firstTick, firstTick + ticks) as one record batch.</summary>
    public RecordBatch Batch(int first, int count, int firstTick, int ticks = 1)
    {
        var builder = new SampleBatchBuilder();
        Append(builder, first, count, firstTick, ticks);
        return builder.Build();
    }

    /// <summary>The Arrow IPC payloads of one tick, <paramref name="gpusPerMessage"/> GPUs to a message (as agents send them).</summary>
    public List<byte[]> Payloads(int tick, int gpusPerMessage, int ticksPerMessage = 1)
    {
        if (_kept.TryGetValue((tick, gpusPerMessage, ticksPerMessage), out var kept))
        {
            return kept;
        }

        var payloads = new List<byte[]>((_gpus.Length / gpusPerMessage) + 1);
        for (var first = 0; first < _gpus.Length; first += gpusPerMessage)
        {
            using var batch = Batch(first, gpusPerMessage, tick, ticksPerMessage);
            payloads.Add(SampleBatchCodec.Encode(batch));
        }

        if (KeepsPayloads)
        {
            _kept[(tick, gpusPerMessage, ticksPerMessage)] = payloads;
        }

        return payloads;
    }

    private void Fill(int g, int tick)
    {
        var load = ((g * 37) + (tick * 11)) % 100 / 100.0;
        var power = 120 + (580 * load);
        for (var ordinal = 0; ordinal < _values.Length; ordinal++)
        {
            _values[ordinal] = FieldCatalog.All[ordinal].ValueType == FieldValueType.WholeNumber ? 0 : load;
        }

        _values[F.SmClock] = 1980 * (0.5 + (load / 2));
        _values[F.MemClock] = 2619;
        _values[F.MaxSmClock] = 1980;
        _values[F.MemoryTemp] = 40 + (30 * load);
        _values[F.GpuTemp] = 35 + (40 * load);
        _values[F.PowerUsage] = power;
        // Average draw so far times elapsed seconds: rises monotonically, by about the current power each second.
        _values[F.TotalEnergyConsumption] = (1_000_000_000L * (g % 97)) + (tick * 410_000L);
        _values[F.EnforcedPowerLimit] = 700;
        _values[F.GpuUtil] = 100 * load;
        _values[F.MemCopyUtil] = 60 * load;
        _values[F.FbTotal] = 81559;
        _values[F.FbUsed] = 81559 * load;
        _values[F.FbFree] = 81559 * (1 - load);
        _values[F.PcieTxBytes] = 2e9 * load;
        _values[F.PcieRxBytes] = 3e9 * load;
        _values[F.NvlinkTxBytes] = 1e11 * load;
        _values[F.NvlinkRxBytes] = 1e11 * load;
    }
}
