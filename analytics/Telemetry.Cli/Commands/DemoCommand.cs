using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Analytics.Monitoring;
using Telemetry.Analytics.Reporting;
using Telemetry.Cli.Demo;
using Telemetry.Cli.Rendering;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry demo</c>: the whole pipeline in one process, then the report.</summary>
internal sealed class DemoCommand : AsyncCommand<DemoSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, DemoSettings settings, CancellationToken cancellationToken)
    {
        var console = Consoles.Standard();
        if (settings.HasBootstrap && !await settings.BrokerAnswersAsync(console, "The demo did not start; without --bootstrap it runs its own broker.", cancellationToken).ConfigureAwait(false))
        {
            return 2;
        }

        AnalyticsConfiguration analytics;
        using var loggers = Logging.Create();
        Telemetry.Analytics.Influx.InfluxWindowSink? influx;
        AlertingHost alerting;
        try
        {
            analytics = AnalyticsConfiguration.Load(settings.Config);
            analytics.Aggregator(new Telemetry.Analytics.AggregatorOptions());
            analytics.WasteEpisodes();
            analytics.Health();
            alerting = AlertingHost.Create(analytics, settings.Out, loggers, null);
            try
            {
                influx = await InfluxSetup.ConnectAsync(analytics, settings, settings.Out, null, loggers, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                await alerting.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
        catch (Exception e) when (e is ArgumentException or InvalidDataException or Telemetry.Analytics.Influx.InfluxUnavailableException)
        {
            console.MarkupLineInterpolated($"[red]Configuration:[/] {e.Message}");
            return 2;
        }

        using var influxSink = influx;
        await using var alertingHost = alerting;
        using var metrics = new AggregatorMetrics();
        var options = new DemoOptions
        {
            Nodes = settings.Nodes,
            GpusPerNode = settings.GpusPerNode,
            Duration = settings.DurationValue,
            Speed = settings.SpeedValue,
            Seed = settings.Seed,
            LedgerDirectory = settings.Out,
            Partitions = settings.Partitions,
            BatchSeconds = settings.BatchSeconds,
            WindowLength = settings.WindowValue,
            Kafka = settings.HasBootstrap ? settings.KafkaOptions() : null,
            Analytics = analytics,
            Influx = influx,
            Alerting = alerting,
            Metrics = metrics,
        };
        ApiSetup api;
        try
        {
            api = await ApiSetup.StartAsync(ApiAddress.Resolve(settings.ApiAddress)!, settings.ApiPort, settings.Out, influx?.Options, null, alerting.Pipeline, metrics, loggers, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            console.MarkupLineInterpolated($"[red]--api-port {settings.ApiPort}:[/] {e.Message} Choose another port, or 0 for a free one.");
            return 2;
        }

        await using var apiHost = api;
        console.MarkupLineInterpolated($"API on [bold]{api.Url}/api[/] (fleet, gpus, jobs/ID, energy, waste, alerts); metrics on {api.Url}/metrics.");
        console.MarkupLineInterpolated($"Simulating [bold]{options.Nodes} nodes × {options.GpusPerNode} GPUs[/] for {options.Duration} at {(options.Speed == 0 ? "full speed" : $"{options.Speed}× speed")} through {options.Kafka?.BootstrapServers ?? "the embedded broker"}; ledger in [bold]{Path.GetFullPath(options.LedgerDirectory)}[/]{(influx is null ? "" : $", InfluxDB {influx.Target}")}");
        var view = new ProgressView(console);
        var result = await view.RunLiveAsync(() => new DemoPipeline(loggers, TimeProvider.System).RunAsync(options, view.Update, cancellationToken)).ConfigureAwait(false);

        ReportRenderer.Render(console, result.Report, result.Truth.ToDictionary(t => t.Key, t => t.Value.EnergyJoules / 3.6e6));
        var unbalanced = result.Agents.Where(a => a.Lost != 0).ToList();
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Per agent: {result.Agents.Count} agents, {(unbalanced.Count == 0 ? "every one's samples accounted for" : $"{unbalanced.Count} with samples lost ({string.Join(", ", unbalanced.Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.AgentId}: {a.Lost:N0}")))})")}.");
        var open = alerting.Pipeline.Open;
        console.MarkupLineInterpolated($"Alerts firing at the end: {open.Count}{(open.Count == 0 ? "" : " (" + string.Join(", ", open.GroupBy(a => a.Name).Select(g => $"{g.Key} ×{g.Count()}")) + ")")}; webhooks configured: {alerting.Webhooks}.");
        console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"Simulator's truth: fleet energy {result.FleetEnergyTruthKwh:N2} kWh. Finished in {result.Elapsed.TotalSeconds:N1} s.");
        if (settings.SummaryJson is { } path)
        {
            await File.WriteAllTextAsync(path, SummaryJson(result), cancellationToken).ConfigureAwait(false);
            console.MarkupLineInterpolated($"Summary written to [bold]{path}[/]");
        }

        if (settings.Serve)
        {
            console.MarkupLineInterpolated($"Serving the API on [bold]{api.Url}/api[/] over {Path.GetFullPath(options.LedgerDirectory)}; Ctrl+C stops.");
            try
            {
                await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        return result.Report.Samples is { Lost: 0 } ? 0 : 3;
    }

    /// <summary>The report as JSON, with the simulator's truth beside it.</summary>
    internal static string SummaryJson(DemoResult result)
    {
        var node = JsonSerializer.SerializeToNode(result.Report, ReportJsonContext.Default.FleetReport)!.AsObject();
        var jobs = new JsonObject();
        foreach (var (id, truth) in result.Truth.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            jobs[id] = new JsonObject
            {
                ["energy_kwh"] = truth.EnergyJoules / 3.6e6,
                ["tokens"] = truth.Tokens,
                ["gpu_seconds"] = truth.GpuSeconds,
            };
        }

        var agents = new JsonArray();
        foreach (var agent in result.Agents)
        {
            agents.Add(new JsonObject
            {
                ["agent"] = agent.AgentId,
                ["produced"] = agent.Produced,
                ["aggregated"] = agent.Received.Aggregated,
                ["late"] = agent.Received.Late,
                ["invalid"] = agent.Received.Invalid,
                ["duplicate"] = agent.Received.Duplicate,
                ["future"] = agent.Received.Future,
                ["lost"] = agent.Lost,
            });
        }

        node["samples_by_agent"] = agents;
        node["simulator_truth"] = new JsonObject { ["fleet_energy_kwh"] = result.FleetEnergyTruthKwh, ["jobs"] = jobs };
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
