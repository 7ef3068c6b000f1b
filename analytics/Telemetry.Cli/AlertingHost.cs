using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telemetry.Alerting;
using Telemetry.Alerting.Rules;
using Telemetry.Analytics.Consuming;
using Telemetry.Analytics.Costing;

namespace Telemetry.Cli;

/// <summary>
/// Alerting in the aggregator process: every window the consumer has written goes through the rules, and a loop
/// sends the notifications due to the webhooks of the <c>Alerting</c> configuration section every few seconds. The
/// rules run even without webhooks, so that the API can list the open alerts. Pending deliveries are kept in
/// <c>Alerting:Delivery:Directory</c> (by default <c>webhook-outbox</c> in the ledger directory) and survive a restart.
/// </summary>
internal sealed class AlertingHost : IAsyncDisposable
{
    private static readonly TimeSpan TickEvery = TimeSpan.FromSeconds(5);
    private readonly ServiceProvider _services;
    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger _logger;
    private Task _ticking = Task.CompletedTask;

    private AlertingHost(ServiceProvider services, AlertPipeline pipeline, int webhooks, ILogger logger)
    {
        _services = services;
        Pipeline = pipeline;
        Webhooks = webhooks;
        _logger = logger;
    }

    /// <summary>The rules, grouping and outbox.</summary>
    public AlertPipeline Pipeline { get; }

    /// <summary>Webhook endpoints configured.</summary>
    public int Webhooks { get; }

    /// <summary>Builds alerting from the configuration; every setting is validated here.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public static AlertingHost Create(AnalyticsConfiguration configuration, string ledgerDirectory, ILoggerFactory loggers, CostModel? cost)
    {
        var settings = new ConfigurationBuilder()
            .AddInMemoryCollection([new("Alerting:Delivery:Directory", Path.Combine(Path.GetFullPath(ledgerDirectory), "webhook-outbox"))])
            .AddConfiguration(configuration.Raw)
            .Build();
        var services = new ServiceCollection()
            .AddSingleton(loggers)
            .AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        if (cost is not null)
        {
            services.AddSingleton(cost);
        }

        var provider = services.AddTelemetryAlerting(settings).BuildServiceProvider();
        try
        {
            var pipeline = provider.GetRequiredService<AlertPipeline>();
            return new AlertingHost(provider, pipeline, AlertingServiceCollectionExtensions.Endpoints(settings).Count, loggers.CreateLogger<AlertingHost>());
        }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw new ArgumentException($"Alerting configuration: {string.Join("; ", e.Failures)}", nameof(configuration), e);
        }
    }

    /// <summary>Feeds the consumer's written windows to the rules and starts the delivery loop.</summary>
    public void Attach(AggregatorConsumer consumer)
    {
        ArgumentNullException.ThrowIfNull(consumer);
        consumer.WindowWritten = window => Pipeline.Observe(window, PipelineCounts.From(consumer.Messages, consumer.Counters));
        _ticking = Task.Run(() => TickAsync(_stop.Token));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _ticking.ConfigureAwait(false);
        try
        {
            // What is due at the end still goes out; what fails stays in the outbox for the next start.
            await Pipeline.TickAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
        await _services.DisposeAsync().ConfigureAwait(false);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Pipeline.TickAsync(cancellationToken).ConfigureAwait(false);
                await Task.Delay(TickEvery, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is IOException or HttpRequestException)
            {
                Log.AlertingTickFailed(_logger, e);
            }
        }
    }
}
