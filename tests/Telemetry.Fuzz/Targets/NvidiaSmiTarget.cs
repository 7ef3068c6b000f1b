using System.Text;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Collectors.NvidiaSmi;

namespace Telemetry.Fuzz.Targets;

/// <summary><c>nvidia-smi --query-gpu</c> CSV, read both as the collector's headerless columns and as output with a header.</summary>
internal sealed class NvidiaSmiTarget : IFuzzTarget
{
    /// <inheritdoc />
    public string Name => "nvidia-smi";

    /// <inheritdoc />
    public void Run(ReadOnlySpan<byte> input)
    {
        var text = Encoding.UTF8.GetString(input);
        Parse(parser => parser.Parse(text, QueryGpuFields.Query));
        Parse(parser => parser.ParseWithHeader(text));
    }

    private static void Parse(Func<QueryGpuParser, IReadOnlyList<GpuReading>> parse)
    {
        var counters = new CollectorCounters();
        try
        {
            foreach (var reading in parse(new QueryGpuParser("fuzz-node", counters)))
            {
                Finding.Unless(reading.Values.All(v => v is null || double.IsFinite(v.Value)), $"a reading of {reading.Gpu.Uuid} is not finite");
            }
        }
        catch (NvidiaSmiException)
        {
            Finding.Unless(counters.Errors.ContainsKey("parse"), "a refused output was not counted");
        }
    }
}
