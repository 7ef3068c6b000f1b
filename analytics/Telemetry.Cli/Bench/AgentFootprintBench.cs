using System.Diagnostics;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telemetry.Contract.Messages;
using Telemetry.Kafka;

namespace Telemetry.Cli.Bench;

/// <summary>
/// The agent's footprint on a node: the real agent, in a process of its own, reads a dcgm-exporter page of N GPUs
/// from a loopback server once a second and sends to the embedded broker; beside it runs the .NET runtime's floor
/// (the same program, idle). Both are measured from /proc over the same window.
/// </summary>
internal sealed class AgentFootprintBench(int gpus, TimeSpan duration, TimeSpan warmup)
{
    /// <summary>Seconds of warm-up and measurement taken so far, reported once a second.</summary>
    public Action<double>? Progress { get; init; }

    public async Task<(FootprintResult Agent, FootprintResult Floor)> RunAsync(CancellationToken cancellationToken)
    {
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, 1);
        }

        var page = new ExporterPage(gpus, "bench-node");
        await using var exporter = await ServeAsync(page, cancellationToken).ConfigureAwait(false);
        var url = exporter.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/metrics";
        using var agent = Start("agent", "run", "--bootstrap", broker.BootstrapServers, "--collector", "dcgm-exporter", "--dcgm-url", url, "--node", "bench-node", "--listen", "off", "--interval", "1s");
        using var floor = Start("bench", "idle");
        try
        {
            var warming = Stopwatch.StartNew();
            while (warming.Elapsed < warmup)
            {
                await Task.Delay(TimeSpan.FromSeconds(1) < warmup - warming.Elapsed ? TimeSpan.FromSeconds(1) : warmup - warming.Elapsed, cancellationToken).ConfigureAwait(false);
                Progress?.Invoke(Math.Min(warming.Elapsed.TotalSeconds, warmup.TotalSeconds));
            }

            return await MeasureAsync(agent, floor, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Stop(agent);
            Stop(floor);
        }
    }

    private async Task<(FootprintResult, FootprintResult)> MeasureAsync(Process agent, Process floor, CancellationToken cancellationToken)
    {
        var agentCpu = ProcessFootprint.CpuTime(agent.Id);
        var floorCpu = ProcessFootprint.CpuTime(floor.Id);
        var clock = Stopwatch.StartNew();
        long agentRss = 0, floorRss = 0, samples = 0;
        while (clock.Elapsed < duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            if (agent.HasExited)
            {
                throw new InvalidOperationException($"The agent exited with status {agent.ExitCode} during the benchmark.");
            }

            agentRss += ProcessFootprint.ResidentBytes(agent.Id);
            floorRss += ProcessFootprint.ResidentBytes(floor.Id);
            samples++;
            Progress?.Invoke(warmup.TotalSeconds + Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds));
        }

        var wall = clock.Elapsed.TotalSeconds;
        var agentUsed = (ProcessFootprint.CpuTime(agent.Id) - agentCpu).TotalSeconds;
        var floorUsed = (ProcessFootprint.CpuTime(floor.Id) - floorCpu).TotalSeconds;
        const double MiB = 1024 * 1024;
        return (
            new FootprintResult("agent", agentRss / samples / MiB, ProcessFootprint.PeakResidentBytes(agent.Id) / MiB, 100 * agentUsed / wall, agentUsed * 1e6 / (gpus * wall)),
            new FootprintResult(".NET floor (idle)", floorRss / samples / MiB, ProcessFootprint.PeakResidentBytes(floor.Id) / MiB, 100 * floorUsed / wall, null));
    }

    private static async Task<WebApplication> ServeAsync(ExporterPage page, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        app.MapGet("/metrics", () => Results.Text(page.Next(), "text/plain; version=0.0.4"));
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        return app;
    }

    private static Process Start(params string[] args)
    {
        var info = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var self = Environment.ProcessPath!;
        info.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            info.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }
}
