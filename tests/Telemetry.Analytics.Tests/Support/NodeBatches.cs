using Telemetry.Contract.Samples;
using static Telemetry.Analytics.Tests.Support.TestFleet;

namespace Telemetry.Analytics.Tests.Support;

/// <summary>Sample batches as agents send them: per node, which is its own partition, one batch per 10 s tick.</summary>
internal static class NodeBatches
{
    /// <summary>
    /// The batches of <paramref name="ticks"/> ticks, tick by tick and node by node (partition i is the i-th node by
    /// name). Each GPU's energy counter goes up by its reading's power over the tick, off by up to a thousandth so that
    /// counter and integrated energy do not add up in round numbers.
    /// </summary>
    public static List<(int Partition, int Tick, byte[] Rows)> Build(IReadOnlyList<GpuIdentity> gpus, int ticks, Random random, Func<GpuIdentity, int, Reading> reading)
    {
        var nodes = gpus.Select(g => g.Node).Distinct().Order(StringComparer.Ordinal).ToList();
        var energy = new long[gpus.Count];
        var batches = new List<(int, int, byte[])>();
        for (var tick = 0; tick < ticks; tick++)
        {
            for (var partition = 0; partition < nodes.Count; partition++)
            {
                var rows = new SampleRows();
                for (var g = 0; g < gpus.Count; g++)
                {
                    if (gpus[g].Node != nodes[partition])
                    {
                        continue;
                    }

                    var read = reading(gpus[g], tick);
                    energy[g] += (long)(read.Power!.Value * 10_000 * (1 + (random.NextDouble() / 1000)));
                    rows.Add(gpus[g], At(tick * 10), read with { EnergyMilliJoules = energy[g] });
                }

                batches.Add((partition, tick, rows.Encode()));
            }
        }

        return batches;
    }
}
