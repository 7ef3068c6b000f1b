using System.Collections.Frozen;
using Telemetry.Agent.Collectors.Prometheus;

namespace Telemetry.Agent.Collectors.DcgmExporter;

/// <summary>
/// Reads GPUs through dcgm-exporter's <c>/metrics</c> page: one bounded HTTP GET per collection, the page parsed as it
/// streams in, one <see cref="GpuReading"/> per GPU and per MIG instance. See <see cref="DcgmPageBuilder"/> for how
/// families and labels map.
/// </summary>
public sealed class DcgmExporterCollector : ISampleCollector
{
    private readonly DcgmExporterOptions _options;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly PrometheusScraper _scraper;

    /// <summary>A collector scraping <see cref="DcgmExporterOptions.Url"/>.</summary>
    /// <param name="options">Where to scrape and within which bounds; validated here.</param>
    /// <param name="httpClient">The client to send through; by default one of its own, disposed with the collector.</param>
    /// <param name="timeProvider">The clock of the timeout; by default the system clock.</param>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public DcgmExporterCollector(DcgmExporterOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _ownsClient = httpClient is null;
        _client = httpClient ?? PrometheusScraper.CreateClient();
        _scraper = new PrometheusScraper(_client, options.Url, options.Timeout, options.Limits(), timeProvider ?? TimeProvider.System);
    }

    /// <inheritdoc />
    public string Name => "dcgm-exporter";

    /// <inheritdoc />
    public CollectorCounters Counters { get; } = new();

    /// <summary>Workload labels (pod, namespace, container, HPC job) per GPU and MIG instance, from the last successful collection.</summary>
    public IReadOnlyList<GpuWorkloadLabels> LastWorkloads { get; private set; } = [];

    /// <summary>Families of the last successful collection that map to no catalog field, with their series counts.</summary>
    public IReadOnlyDictionary<string, int> LastIgnoredFamilies { get; private set; } = FrozenDictionary<string, int>.Empty;

    /// <summary>Fetches and parses the page once; its readings are not kept.</summary>
    /// <exception cref="CollectorUnavailableException">The page cannot be fetched or read; the message names the URL and the problem.</exception>
    public async ValueTask StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _scraper.ScrapeAsync(ReadPageAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (ScrapeException e)
        {
            throw new CollectorUnavailableException(
                $"dcgm-exporter at {_options.Url} cannot be read: {e.Problem}. Check that dcgm-exporter is running and serves that URL, " +
                "or point the agent at it with --dcgm-url.", e);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ScrapeException">This collection failed (HTTP, timeout, a bound exceeded, a malformed page); it is counted by cause.</exception>
    public async ValueTask<IReadOnlyList<GpuReading>> CollectAsync(CancellationToken cancellationToken)
    {
        DcgmPage page;
        try
        {
            page = await _scraper.ScrapeAsync(ReadPageAsync, cancellationToken).ConfigureAwait(false);
        }
        catch (ScrapeException e)
        {
            Counters.Error(e.Cause);
            throw;
        }

        foreach (var (field, reason) in page.Blanks)
        {
            Counters.Blank(field, reason);
        }

        for (var i = 0; i < page.SeriesWithoutUuid; i++)
        {
            Counters.Error("series-without-uuid");
        }

        LastWorkloads = page.Workloads;
        LastIgnoredFamilies = page.IgnoredFamilies;
        Counters.Collected(page.Readings.Count);
        return page.Readings;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        return ValueTask.CompletedTask;
    }

    private async ValueTask<DcgmPage> ReadPageAsync(PrometheusTextReader reader, CancellationToken cancellationToken)
    {
        var page = new DcgmPageBuilder(_options.Node, _options.MaxGpus);
        await foreach (var sample in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            page.Add(sample);
        }

        return page.Build();
    }
}
