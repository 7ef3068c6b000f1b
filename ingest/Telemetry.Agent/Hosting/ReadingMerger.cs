using Telemetry.Agent.Collectors;
using Telemetry.Contract.Fields;

namespace Telemetry.Agent.Hosting;

/// <summary>
/// Merges the readings of several collectors into one per GPU (or MIG instance): for each field the first collector
/// that reported a value wins, so the configured order of collectors is their priority.
/// </summary>
internal static class ReadingMerger
{
    public static IReadOnlyList<GpuReading> Merge(IReadOnlyList<IReadOnlyList<GpuReading>> byCollector)
    {
        if (byCollector.Count == 1)
        {
            return byCollector[0];
        }

        var merged = new Dictionary<(string Uuid, int? Mig), GpuReading>();
        var order = new List<(string, int?)>();
        foreach (var readings in byCollector)
        {
            foreach (var reading in readings)
            {
                var key = (reading.Gpu.Uuid, reading.Gpu.MigInstance);
                if (!merged.TryGetValue(key, out var target))
                {
                    merged.Add(key, reading with { Values = (double?[])reading.Values.Clone() });
                    order.Add(key);
                    continue;
                }

                for (var i = 0; i < FieldCatalog.Count; i++)
                {
                    target.Values[i] ??= reading.Values[i];
                }
            }
        }

        return [.. order.Select(k => merged[k])];
    }
}
