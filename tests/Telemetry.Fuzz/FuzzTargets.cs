using Telemetry.Fuzz.Targets;

namespace Telemetry.Fuzz;

/// <summary>Every fuzz target, by name.</summary>
internal static class FuzzTargets
{
    /// <summary>The targets, one per parser of untrusted input.</summary>
    public static IReadOnlyList<IFuzzTarget> All { get; } =
    [
        new PrometheusTarget(),
        new NvidiaSmiTarget(),
        new ArrowTarget(),
        new EventsTarget(),
        new ApiQueryTarget(),
        new ConfigTarget(),
    ];

    /// <summary>The target of this name, or null.</summary>
    public static IFuzzTarget? Find(string name) => All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal));
}
