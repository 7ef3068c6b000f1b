using System.Diagnostics;
using CsCheck;
using Microsoft.VisualStudio.TestTools.UnitTesting;

namespace Telemetry.Hostile;

/// <summary>
/// How the hostile-input properties run: how many inputs, and the guard against a hang. The guard is deliberately
/// generous (parsing is bounded by the parsers' size limits, not by a clock); it only turns a hang into a failure.
/// Set <c>CsCheck_Iter</c> for a longer run than the default, and <c>CsCheck_Seed</c> to replay a failure.
/// </summary>
internal static class HostileRun
{
    /// <summary>The longest one input may take before it counts as a hang.</summary>
    public static readonly TimeSpan Hang = TimeSpan.FromSeconds(2);

    /// <summary>At least <paramref name="floor"/> inputs, or more when <c>CsCheck_Iter</c> asks for more.</summary>
    public static long Iterations(long floor) => Math.Max(Check.Iter, floor);

    /// <summary>Runs <paramref name="parse"/> and fails when it takes longer than <see cref="Hang"/>.</summary>
    public static void Bounded(Action parse, string what)
    {
        var clock = Stopwatch.StartNew();
        parse();
        Assert.IsLessThan(Hang, clock.Elapsed, $"{what} took {clock.Elapsed} for one input");
    }

    /// <summary>Runs <paramref name="parse"/> and fails when it takes longer than <see cref="Hang"/>.</summary>
    public static async Task BoundedAsync(Func<Task> parse, string what)
    {
        var clock = Stopwatch.StartNew();
        await parse();
        Assert.IsLessThan(Hang, clock.Elapsed, $"{what} took {clock.Elapsed} for one input");
    }
}
