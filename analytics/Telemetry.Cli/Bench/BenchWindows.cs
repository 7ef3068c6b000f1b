using Telemetry.Analytics;
using Telemetry.Analytics.Aggregation;
using Telemetry.Analytics.Windows;
using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Cli.Bench;

/// <summary>Closed windows of a synthetic fleet, as the aggregator hands them to its sinks.</summary>
internal static class BenchWindows
{
    private const int RowsPerBatch = 1024;
    private static readonly SourcePartition Source = new(Topics.Samples, 0);

    /// <summary>
    /// The fleet's first <paramref name="minutes"/> one-minute windows: a sample per GPU and second, encoded and decoded
    /// as a message would be, reduced by the real aggregator and closed as the watermark passes them.
    /// </summary>
    public static List<ClosedWindow> Reduce(BenchFleet fleet, int minutes)
    {
        var aggregator = new SampleAggregator(new AggregatorOptions(), TimeProvider.System);
        var windows = new List<ClosedWindow>(minutes);
        for (var tick = 0; tick < minutes * 60; tick++)
        {
            for (var first = 0; first < fleet.Gpus; first += RowsPerBatch)
            {
                using var batch = fleet.Batch(first, RowsPerBatch, tick);
                using var decoded = SampleBatchCodec.Decode(SampleBatchCodec.Encode(batch));
                aggregator.AddSamples(decoded, Source, tick);
            }

            windows.AddRange(aggregator.CloseReadyWindows());
        }

        windows.AddRange(aggregator.CloseAll());
        return windows;
    }

    /// <summary>
    /// The same window <paramref name="milliseconds"/> later, every row with it: the points it makes are those of that
    /// later window, so that one reduction serves several writes that must not overwrite each other.
    /// </summary>
    public static ClosedWindow Shift(ClosedWindow window, long milliseconds) => window with
    {
        Start = window.Start + milliseconds,
        End = window.End + milliseconds,
        Gpus = [.. window.Gpus.Select(g => g with { WindowStart = g.WindowStart + milliseconds, WindowEnd = g.WindowEnd + milliseconds })],
        Jobs = [.. window.Jobs.Select(j => j with { WindowStart = j.WindowStart + milliseconds, WindowEnd = j.WindowEnd + milliseconds })],
        States = window.States?.Select(s => s with { WindowStart = s.WindowStart + milliseconds, WindowEnd = s.WindowEnd + milliseconds }).ToList(),
        Fleet = window.Fleet is { } fleet ? fleet with { WindowStart = fleet.WindowStart + milliseconds, WindowEnd = fleet.WindowEnd + milliseconds } : null,
        Sources = window.Sources?.Select(s => s with { WindowStart = s.WindowStart + milliseconds, WindowEnd = s.WindowEnd + milliseconds }).ToList(),
    };
}
