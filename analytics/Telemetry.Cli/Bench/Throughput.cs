using System.Diagnostics;

namespace Telemetry.Cli.Bench;

/// <summary>Times a repeatable pass: once to warm up, then again and again until enough time has passed.</summary>
internal static class Throughput
{
    /// <summary>Units per second of <paramref name="pass"/>, which handles <paramref name="unitsPerPass"/> units each time.</summary>
    public static double PerSecond(Action pass, long unitsPerPass, TimeSpan atLeast)
    {
        pass();
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
}
