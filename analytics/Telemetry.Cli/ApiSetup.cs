using Microsoft.Extensions.Logging;
using Telemetry.Alerting;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Monitoring;
using Telemetry.Analytics.Queries;
using Telemetry.Api;

namespace Telemetry.Cli;

/// <summary>
/// The API on the aggregator process: the same routes and code as the Functions app, on a loopback port, over
/// InfluxDB when one is configured and the ledger otherwise, with the open alerts of this process's rules.
/// </summary>
internal sealed class ApiSetup : IAsyncDisposable
{
    private readonly LocalApiHost _host;
    private readonly HttpClient? _http;

    private ApiSetup(LocalApiHost host, HttpClient? http)
    {
        _host = host;
        _http = http;
    }

    /// <summary>The base URL, <c>http://ADDRESS:PORT</c>.</summary>
    public string Url => _host.Url;

    /// <summary>Starts the API on <paramref name="address"/>:<paramref name="port"/> (0: a free port), with the aggregator's <c>/metrics</c>, <c>/healthz</c> and <c>/readyz</c>.</summary>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<ApiSetup> StartAsync(
        System.Net.IPAddress address, int port, string ledgerDirectory, InfluxOptions? influx, CostModel? cost, AlertPipeline alerts, AggregatorMetrics metrics, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        HttpClient? http = null;
        ITelemetryQueries queries;
        if (influx is not null)
        {
            http = new HttpClient { Timeout = TimeSpan.FromSeconds(20) };
            queries = new InfluxQueryStore(http, influx);
        }
        else
        {
            queries = new LedgerQueryStore(new LedgerReader(ledgerDirectory), cost);
        }

        try
        {
            var api = new TelemetryApi(queries, TimeProvider.System, null, alerts, loggers.CreateLogger<TelemetryApi>());
            return new ApiSetup(await LocalApiHost.StartAsync(api, port, new LocalApiHostOptions { Address = address, Metrics = metrics.Meter, Ready = () => metrics.IsReady, Loggers = loggers }, cancellationToken).ConfigureAwait(false), http);
        }
        catch
        {
            http?.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync().ConfigureAwait(false);
        _http?.Dispose();
    }
}
