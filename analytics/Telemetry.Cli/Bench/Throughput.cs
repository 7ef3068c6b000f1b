using System.Diagnostics;

namespace Telemetry.Cli.Bench;

/// <summary>
/// Times a repeatable pass: first for as long as it will be measured, unmeasured, so that the runtime's tiered
/// compilation has settled on optimised code; then again and again until enough time has passed.
/// </summary>
internal static class Throughput
{
    /// <summary>Units per second of <paramref name="pass"/>, which handles <paramref name="unitsPerPass"/> units each time.</summary>
    public static double PerSecond(Action pass, long unitsPerPass, TimeSpan atLeast)
    {
        var clock = Stopwatch.StartNew();
        do
        {
            pass();
        }
        while (clock.Elapsed < atLeast);

        var passes = 0L;
        clock.Restart();
        do
        {
            pass();
            passes++;
        }
        while (clock.Elapsed < atLeast);

        return passes * unitsPerPass / clock.Elapsed.TotalSeconds;
    }
}
