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
/// from a loopback server once a second and sends to the embedded broker, twice side by side: run by the
/// <c>telemetry</c> command (JIT) and as the ahead-of-time compiled <c>telemetry-agent</c> binary (when
/// <c>aotAgent</c> is given). Beside them runs the .NET runtime's floor (the <c>telemetry</c> command, idle). All are
/// measured from /proc over the same window.
/// </summary>
internal sealed class AgentFootprintBench(int gpus, TimeSpan duration, TimeSpan warmup, string? aotAgent)
{
    /// <summary>Seconds of warm-up and measurement taken so far, reported once a second.</summary>
    public Action<double>? Progress { get; init; }

    /// <summary>Runs the agents and the floor and measures them; <see cref="AgentFootprint.AotProblem"/> is left to the caller.</summary>
    public async Task<AgentFootprint> RunAsync(CancellationToken cancellationToken)
    {
        using var broker = EmbeddedBroker.Start();
        foreach (var topic in Topics.All)
        {
            broker.CreateTopic(topic, 1);
        }

        var page = new ExporterPage(gpus, "bench-node");
        await using var exporter = await ServeAsync(page, cancellationToken).ConfigureAwait(false);
        var url = exporter.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/metrics";
        var spools = Directory.CreateTempSubdirectory("telemetry-bench-agent-");
        try
        {
            string[] AgentArgs(string node) => ["--bootstrap", broker.BootstrapServers, "--collector", "dcgm-exporter", "--dcgm-url", url, "--node", node, "--listen", "off", "--interval", "1s", "--spool", Path.Combine(spools.FullName, node)];
            using var jit = new MeasuredProcess("agent (JIT: telemetry agent run)", StartSelf(["agent", "run", .. AgentArgs("bench-node-jit")]), sendsSamples: true);
            using var aot = aotAgent is null ? null : new MeasuredProcess("agent (AOT: telemetry-agent)", Start(aotAgent, AgentArgs("bench-node-aot")), sendsSamples: true);
            using var floor = new MeasuredProcess(".NET floor (idle)", StartSelf(["bench", "idle"]), sendsSamples: false);
            await WarmUpAsync(cancellationToken).ConfigureAwait(false);
            var wall = await MeasureAsync([jit, aot, floor], cancellationToken).ConfigureAwait(false);
            return new AgentFootprint(jit.Result(wall, gpus), aot?.Result(wall, gpus), floor.Result(wall, gpus), null);
        }
        finally
        {
            spools.Delete(recursive: true);
        }
    }

    private async Task WarmUpAsync(CancellationToken cancellationToken)
    {
        var warming = Stopwatch.StartNew();
        while (warming.Elapsed < warmup)
        {
            await Task.Delay(TimeSpan.FromSeconds(1) < warmup - warming.Elapsed ? TimeSpan.FromSeconds(1) : warmup - warming.Elapsed, cancellationToken).ConfigureAwait(false);
            Progress?.Invoke(Math.Min(warming.Elapsed.TotalSeconds, warmup.TotalSeconds));
        }
    }

    /// <summary>Reads every process's resident memory once a second over the window; its length in seconds.</summary>
    private async Task<double> MeasureAsync(MeasuredProcess?[] processes, CancellationToken cancellationToken)
    {
        var measured = processes.OfType<MeasuredProcess>().ToList();
        measured.ForEach(p => p.Start());
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            measured.ForEach(p => p.Read());
            Progress?.Invoke(warmup.TotalSeconds + Math.Min(clock.Elapsed.TotalSeconds, duration.TotalSeconds));
        }

        return clock.Elapsed.TotalSeconds;
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

    /// <summary>Starts this program (the <c>telemetry</c> command) with <paramref name="args"/>.</summary>
    private static Process StartSelf(string[] args)
    {
        var self = Environment.ProcessPath!;
        return Path.GetFileNameWithoutExtension(self) == "dotnet" ? Start(self, [Assembly.GetEntryAssembly()!.Location, .. args]) : Start(self, args);
    }

    private static Process Start(string path, string[] args)
    {
        var info = new ProcessStartInfo(path) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
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
}
