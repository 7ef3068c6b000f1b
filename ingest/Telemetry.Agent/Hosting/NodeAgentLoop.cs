using Microsoft.Extensions.Logging;
using Telemetry.Agent.Attribution;
using Telemetry.Agent.Collectors;
using Telemetry.Agent.Producing;
using Telemetry.Agent.Throughput;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Hosting;

/// <summary>
/// The agent's loop on a real node: every interval it sends new allocation events first, then the throughput reports
/// waiting, then reads every collector (concurrently), merges their readings per GPU and adds them to the batch,
/// which goes out every batch interval. A collector that fails one collection is counted and logged, and the others
/// go on. On cancellation the batch in hand is sent.
/// </summary>
public sealed class NodeAgentLoop(
    NodeAgentOptions options,
    IReadOnlyList<ISampleCollector> collectors,
    IReadOnlyList<IAllocationSource> allocations,
    ThroughputInbox throughput,
    TelemetryAgent agent,
    TimeProvider time,
    ILogger logger)
{
    private readonly SampleBatchBuilder _batch = new();
    private readonly HashSet<string> _loggedFailures = new(StringComparer.Ordinal);
    private readonly List<ISampleCollector> _running = [];

    /// <summary>The GPUs seen in the last collection.</summary>
    public IReadOnlyList<GpuIdentity> KnownGpus { get; private set; } = [];

    /// <summary>The collectors that started.</summary>
    public IReadOnlyList<ISampleCollector> Running => _running;

    /// <summary>
    /// Starts every collector; those whose source is missing are reported and left out.
    /// </summary>
    /// <exception cref="CollectorUnavailableException">No collector could start; the message gathers each one's reason.</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        options.Validate();
        var failures = new List<string>();
        foreach (var collector in collectors)
        {
            try
            {
                await collector.StartAsync(cancellationToken).ConfigureAwait(false);
                _running.Add(collector);
            }
            catch (CollectorUnavailableException e)
            {
                failures.Add($"{collector.Name}: {e.Message}");
                Log.CollectorUnavailable(logger, collector.Name, e.Message);
            }
        }

        if (_running.Count == 0)
        {
            throw new CollectorUnavailableException("No collector could start. " + string.Join(" ", failures));
        }
    }

    /// <summary>Runs until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (_running.Count == 0)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(options.Interval, time);
        var batchStart = time.GetUtcNow();
        try
        {
            do
            {
                await TickAsync(cancellationToken).ConfigureAwait(false);
                if (time.GetUtcNow() - batchStart >= options.BatchInterval - (options.Interval / 2))
                {
                    agent.PublishSamples(_batch);
                    batchStart = time.GetUtcNow();
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the batch in hand goes out below.
        }
        finally
        {
            agent.PublishSamples(_batch);
        }
    }

    /// <summary>One interval: allocations, throughput, then readings.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var source in allocations)
        {
            var events = source.Poll(now);
            if (events.Count > 0)
            {
                // Readings taken before this allocation leave first, so their alloc-seq stays true.
                agent.PublishSamples(_batch);
                foreach (var e in events)
                {
                    agent.PublishAllocation(e);
                }
            }
        }

        while (throughput.TryDequeue(out var report))
        {
            agent.PublishThroughput(report);
        }

        var results = await Task.WhenAll(_running.Select(c => CollectAsync(c, cancellationToken))).ConfigureAwait(false);
        var merged = ReadingMerger.Merge(results);
        var timeMs = now.ToUnixTimeMilliseconds();
        foreach (var reading in merged)
        {
            _batch.Append(reading.TimeUnixMs ?? timeMs, reading.Gpu, reading.Values);
        }

        if (merged.Count > 0)
        {
            KnownGpus = [.. merged.Select(r => r.Gpu)];
        }
    }

    private async Task<IReadOnlyList<GpuReading>> CollectAsync(ISampleCollector collector, CancellationToken cancellationToken)
    {
        try
        {
            return await collector.CollectAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var cause = collector.Name + ":" + e.GetType().Name;
            if (_loggedFailures.Add(cause))
            {
                Log.CollectionFailed(logger, collector.Name, e.Message);
            }

            return [];
        }
    }
}
