using System.Diagnostics;
using System.Runtime;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Times a repeatable pass in steady state: first it runs unmeasured until the JIT has compiled nothing new for a
/// second (tiered compilation replaces the first, unoptimised code only after a delay, and later still on a busy
/// machine), then again and again until enough time has passed.
/// </summary>
internal static class Throughput
{
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(20);

    /// <summary>Units per second of <paramref name="pass"/>, which handles <paramref name="unitsPerPass"/> units each time.</summary>
    public static double PerSecond(Action pass, long unitsPerPass, TimeSpan atLeast)
    {
        WarmUp(pass, atLeast);
        var passes = 0L;
        var clock = Stopwatch.StartNew();
        do
        {
            pass();
            passes++;
        }
        while (clock.Elapsed < atLeast);

        return passes * unitsPerPass / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Runs <paramref name="pass"/> for at least <paramref name="atLeast"/>, and until the JIT has been quiet for a second.</summary>
    public static void WarmUp(Action pass, TimeSpan atLeast)
    {
        var clock = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var quietSince = TimeSpan.Zero;
        do
        {
            pass();
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quietSince = clock.Elapsed;
            }
        }
        while ((clock.Elapsed < atLeast || clock.Elapsed - quietSince < Quiet) && clock.Elapsed < MaxWarmUp);
    }
}
