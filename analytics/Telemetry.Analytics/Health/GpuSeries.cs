using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>One GPU's (or MIG instance's) windows in time order, and the findings about it.</summary>
internal sealed class GpuSeries
{
    private GpuSeries(List<GpuWindow> windows)
    {
        Windows = windows;
        var first = windows[0];
        Node = first.Node;
        Uuid = first.GpuUuid;
        Index = first.GpuIndex;
        MigInstance = first.MigInstance;
        Model = first.GpuModel;
    }

    public string Node { get; }

    public string Uuid { get; }

    public int Index { get; }

    public int? MigInstance { get; }

    public string Model { get; }

    public IReadOnlyList<GpuWindow> Windows { get; }

    public static List<GpuSeries> Split(IEnumerable<GpuWindow> windows) =>
        [.. windows
            .GroupBy(w => (w.Node, w.GpuUuid, w.MigInstance))
            .Select(g => new GpuSeries([.. g.OrderBy(w => w.WindowStart)]))];

    /// <summary>A finding about this GPU, seen from the start of the first window to the end of the last.</summary>
    public HealthFinding Finding(string kind, HealthSeverity severity, string detail, string action, IReadOnlyList<GpuWindow> seen, long count) =>
        new(Node, Uuid, Index, kind, severity, Label(detail), action, Time(seen[0].WindowStart), Time(seen[^1].WindowEnd), count);

    /// <summary>The detail of a finding, naming the MIG instance where this is one.</summary>
    public string Label(string detail) => MigInstance is { } mig ? $"MIG instance {mig}: {detail}" : detail;

    public static DateTimeOffset Time(long unixMs) => DateTimeOffset.FromUnixTimeMilliseconds(unixMs);

    /// <summary>"1 window", "3 windows".</summary>
    public static string Count(long n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
