using Telemetry.Analytics.Windows;

namespace Telemetry.Analytics.Health;

/// <summary>Runs of back-to-back windows of one GPU that share a value.</summary>
internal static class WindowRuns
{
    /// <summary>
    /// Runs of windows, each starting where the previous one ended, whose key is the same and not null. A window with a
    /// null key, another key, or a gap in time before it ends the run.
    /// </summary>
    public static List<List<GpuWindow>> By(IReadOnlyList<GpuWindow> windows, Func<GpuWindow, long?> key)
    {
        var runs = new List<List<GpuWindow>>();
        List<GpuWindow>? run = null;
        long? runKey = null;
        foreach (var window in windows)
        {
            var k = key(window);
            if (k is null)
            {
                run = null;
                continue;
            }

            if (run is null || k != runKey || window.WindowStart != run[^1].WindowEnd)
            {
                run = [];
                runs.Add(run);
                runKey = k;
            }

            run.Add(window);
        }

        return runs;
    }
}
