using System.Diagnostics;
using Telemetry.Contract.Messages;

namespace Telemetry.Cli.Bench;

/// <summary>
/// A fleet at scale end to end: a gigawatt's GPUs (450,000 in the full run), each sampled once a second, their agents
/// sending a node's 8 GPUs over 5 s a message, paced at the fleet's own rate, through the embedded broker to one
/// aggregator instance, and then to two instances of one consumer group splitting the partitions. A run holds when
/// every sample sent is aggregated by one of the instances. Baseline: the rate the fleet offers.
/// </summary>
internal static class FleetScaleBench
{
    public static async Task<List<BenchFigure>> RunAsync(BenchFleet fleet, int rate, TimeSpan each, int partitions, Action<string> progress, CancellationToken cancellationToken)
    {
        var figures = new List<BenchFigure>();
        foreach (var instances in (int[])[1, 2])
        {
            progress($"{fleet.Gpus:N0} GPUs, {rate:N0} samples/s offered, {instances} aggregator instance{(instances == 1 ? "" : "s")}");
            var setting = ProducerSetting.Default;
            using var cluster = new BenchCluster(partitions, fleet.Nodes, setting.Compression, setting.LingerMs);
            var consumers = cluster.Aggregators(instances);
            try
            {
                var clock = Stopwatch.StartNew();
                var step = await LosslessRateBench.OfferAsync(cluster, consumers, fleet, rate, each, setting, catchUp: null, cancellationToken).ConfigureAwait(false);
                var took = clock.Elapsed.TotalSeconds;
                var shares = string.Join(", ", consumers.Select(c =>
                    $"{c.AssignedPartitions / Topics.All.Count} partitions, {c.TrackedGpus:N0} GPUs, {c.Counters.Aggregated:N0} samples, {c.WindowsWritten} windows written"));
                var note = $"{step.Sent:N0} samples in {step.Messages:N0} messages of {step.RowsPerMessage} ({step.MeanBytes:N0} bytes, {setting.Compression}) over {partitions} partitions; " +
                    $"{step.Aggregated:N0} aggregated, read to the end {step.CatchUpSeconds:0.0} s after the last acknowledgement; " +
                    $"each instance: {shares}; {took:0} s in all, the group's forming and the agents' encoding included";
                figures.Add(new BenchFigure(
                    $"fleet_scale_{instances}",
                    $"Fleet scale: {fleet.Gpus:N0} GPUs, {(double)rate / fleet.Gpus:0.##} Hz a GPU, {instances} aggregator instance{(instances == 1 ? "" : "s")}",
                    "samples/s", step.Delivered, "samples/s the fleet offers", rate,
                    "every sample aggregated at the fleet's rate", step.Held, note)
                { Gpus = fleet.Gpus });
            }
            finally
            {
                consumers.ForEach(c => c.Dispose());
            }
        }

        return figures;
    }
}
