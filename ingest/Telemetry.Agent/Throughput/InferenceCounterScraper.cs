using Telemetry.Agent.Collectors.Prometheus;
using Telemetry.Contract.Messages;

namespace Telemetry.Agent.Throughput;

/// <summary>
/// Turns an inference server's cumulative token counter (vLLM's <c>vllm:generation_tokens_total</c>, or any counter
/// named in the options) into throughput reports: each scrape reports the increase since the previous one. A counter
/// that went down means the server restarted; its new value is the increase. The page is read with the same bounds
/// as dcgm-exporter's.
/// </summary>
public sealed class InferenceCounterScraper : IDisposable
{
    private readonly InferenceCounterOptions _options;
    private readonly ThroughputInbox _inbox;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;
    private readonly PrometheusScraper _scraper;
    private (double Total, DateTimeOffset At)? _previous;

    /// <summary>Creates the scraper.</summary>
    public InferenceCounterScraper(InferenceCounterOptions options, ThroughputInbox inbox, TimeProvider time, HttpClient? client = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _inbox = inbox ?? throw new ArgumentNullException(nameof(inbox));
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _client = client ?? PrometheusScraper.CreateClient();
        _scraper = new PrometheusScraper(_client, options.Url, options.Timeout, new PrometheusLimits(), time);
    }

    /// <summary>Scrapes that failed, by cause.</summary>
    public Dictionary<string, long> Failures { get; } = new(StringComparer.Ordinal);

    /// <summary>Scrapes once; returns the report queued, or null (first scrape, no increase, counter absent, or failure).</summary>
    public async Task<ThroughputEvent?> ScrapeAsync(CancellationToken cancellationToken)
    {
        double? total;
        try
        {
            total = await _scraper.ScrapeAsync(SumAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (ScrapeException e)
        {
            Failures[e.Cause] = Failures.GetValueOrDefault(e.Cause) + 1;
            return null;
        }

        if (total is null)
        {
            Failures["metric-absent"] = Failures.GetValueOrDefault("metric-absent") + 1;
            return null;
        }

        var now = _time.GetUtcNow();
        var previous = _previous;
        _previous = (total.Value, now);
        if (previous is not { } p || now <= p.At)
        {
            return null;
        }

        var increase = total.Value >= p.Total ? total.Value - p.Total : total.Value;
        var count = (long)Math.Round(increase);
        if (count <= 0)
        {
            return null;
        }

        var report = new ThroughputEvent(_options.JobId, p.At, now, count, _options.Unit);
        return _inbox.TryEnqueue(report) ? report : null;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private async ValueTask<double?> SumAsync(PrometheusTextReader reader, CancellationToken cancellationToken)
    {
        double? sum = null;
        await foreach (var sample in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            if (string.Equals(sample.Name, _options.Metric, StringComparison.Ordinal) && double.IsFinite(sample.Value))
            {
                sum = (sum ?? 0) + sample.Value;
            }
        }

        return sum;
    }
}
