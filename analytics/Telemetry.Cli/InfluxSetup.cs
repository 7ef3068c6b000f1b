using Microsoft.Extensions.Logging;
using Telemetry.Analytics.Costing;
using Telemetry.Analytics.Influx;
using Telemetry.Cli.Commands;

namespace Telemetry.Cli;

/// <summary>Builds the InfluxDB sink from configuration and flags, and checks the server answers before anything runs.</summary>
internal static class InfluxSetup
{
    /// <summary>The sink, or null when no InfluxDB URL is configured.</summary>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    /// <exception cref="InfluxUnavailableException">The server does not answer within the connect timeout.</exception>
    public static async Task<InfluxWindowSink?> ConnectAsync(
        AnalyticsConfiguration configuration, IInfluxFlags flags, string ledgerDirectory, CostModel? cost, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var options = configuration.Influx();
        options.Url = flags.InfluxUrl ?? options.Url;
        options.Bucket = flags.InfluxBucket ?? options.Bucket;
        options.Org = flags.InfluxOrg ?? options.Org;
        if (string.IsNullOrWhiteSpace(options.Url))
        {
            return null;
        }

        var sink = new InfluxWindowSink(options, cost, ledgerDirectory, loggers.CreateLogger<InfluxWindowSink>(), TimeProvider.System);
        try
        {
            await sink.CheckAsync(cancellationToken).ConfigureAwait(false);
            return sink;
        }
        catch
        {
            sink.Dispose();
            throw;
        }
    }
}
