using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>GPUs and nodes that went silent while the rest of the fleet reported, and expected nodes that never reported.</summary>
internal static class PresenceFindings
{
    private const string AgentAction =
        "Check the node's telemetry agent: is the service running, can it reach Kafka, is its disk spool filling? Then check the node itself.";

    private const string GpuAction =
        "Check the GPU on the node: does nvidia-smi -L still list it? An XID 79 in the kernel log means it fell off the bus; otherwise check "
        + "the collector (dcgm-exporter restarts, MIG reconfiguration).";

    public static IEnumerable<HealthFinding> Of(IReadOnlyList<GpuWindow> windows, IReadOnlyList<GpuSeries> gpus, HealthOptions options)
    {
        if (windows.Count == 0)
        {
            return [];
        }

        var timeline = new WindowTimeline(windows);
        var findings = new List<HealthFinding>();
        foreach (var node in gpus.GroupBy(g => g.Node, StringComparer.Ordinal))
        {
            var nodeFilled = timeline.Filled(node.SelectMany(g => g.Windows));
            findings.AddRange(WindowTimeline.Gaps(nodeFilled, options.StaleWindows, _ => true)
                .Select(gap => Silent(timeline, node.Key, null, HealthKinds.AgentStale, "the node", "other nodes", AgentAction, gap)));
            foreach (var gpu in node)
            {
                findings.AddRange(WindowTimeline.Gaps(timeline.Filled(gpu.Windows), options.StaleWindows, slot => nodeFilled[slot])
                    .Select(gap => Silent(timeline, node.Key, gpu, HealthKinds.GpuMissing, "the GPU", "its node", GpuAction, gap)));
            }
        }

        var seen = gpus.Select(g => g.Node).ToHashSet(StringComparer.Ordinal);
        findings.AddRange(options.ExpectedNodes.Where(n => !seen.Contains(n)).Distinct(StringComparer.Ordinal).Select(n => NeverSeen(timeline, n)));
        return findings;
    }

    private static HealthFinding Silent(
        WindowTimeline timeline, string node, GpuSeries? gpu, string kind, string silent, string reporting, string action, (int First, int Last) gap)
    {
        var windows = gap.Last - gap.First + 1;
        var detail = $"{silent} sent no data for {GpuSeries.Count(windows, "window")} in a row while {reporting} reported"
            + (gap.Last == timeline.Count - 1 ? "; still silent at the end of the period" : "");
        detail = gpu?.Label(detail) ?? detail;
        return new HealthFinding(node, gpu?.Uuid, gpu?.Index, kind, HealthSeverity.Warning, detail, action,
            timeline.StartOf(gap.First), timeline.EndOf(gap.Last), windows);
    }

    private static HealthFinding NeverSeen(WindowTimeline timeline, string node) =>
        new(node, null, null, HealthKinds.AgentMissing, HealthSeverity.Warning,
            $"the node is expected but sent no data in any of the period's {GpuSeries.Count(timeline.Count, "window")}",
            AgentAction, timeline.StartOf(0), timeline.EndOf(timeline.Count - 1), timeline.Count);
}
