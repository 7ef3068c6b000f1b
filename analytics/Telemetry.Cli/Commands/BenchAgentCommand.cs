using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Cli.Bench;

namespace Telemetry.Cli.Commands;

/// <summary>
/// <c>telemetry bench agent</c>: the agent's resident memory and CPU on a node of N GPUs read once a second, run by the
/// <c>telemetry</c> command (JIT) and as the ahead-of-time compiled <c>telemetry-agent</c> (published first when out of
/// date), beside the .NET runtime's floor.
/// </summary>
internal sealed class BenchAgentCommand : AsyncCommand<BenchAgentCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--gpus <N>")]
        [Description("GPUs on the simulated exporter page.")]
        [DefaultValue(8)]
        public int Gpus { get; init; } = 8;

        [CommandOption("--seconds <N>")]
        [Description("Length of the measured window, after a 10 s warm-up.")]
        [DefaultValue(60)]
        public int Seconds { get; init; } = 60;

        [CommandOption("--quick")]
        [Description("A 20 s window.")]
        public bool Quick { get; init; }

        [CommandOption("--json <PATH>")]
        [Description("Also write the figures as JSON.")]
        public string? Json { get; init; }

        public override ValidationResult Validate() =>
            Gpus is < 1 or > 256 ? ValidationResult.Error($"--gpus must be between 1 and 256 (got {Gpus}).")
            : Seconds is < 5 or > 3600 ? ValidationResult.Error($"--seconds must be between 5 and 3600 (got {Seconds}).")
            : ValidationResult.Success();
    }

    private const int WarmupSeconds = 10;

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsLinux())
        {
            AnsiConsole.Console.MarkupLine("[red]The footprint benchmark reads /proc and runs on Linux only.[/]");
            return 2;
        }

        var seconds = settings.Quick ? 20 : settings.Seconds;
        var console = Consoles.Standard();
        var (aot, problem) = await AotAgentPublish.EnsureAsync(line => console.WriteLine(line), cancellationToken).ConfigureAwait(false);
        if (problem is not null)
        {
            console.MarkupLineInterpolated($"[red]The ahead-of-time compiled agent could not be published; only the JIT agent is measured:[/] {problem}");
        }

        console.MarkupLineInterpolated($"Agent footprint: {settings.Gpus} GPUs read from a dcgm-exporter page once a second, by the JIT agent{(aot is null ? "" : " and the ahead-of-time compiled one side by side")}, measured for {seconds} s after a 10 s warm-up…");
        var footprint = await RunAsync(console, settings.Gpus, seconds, aot, cancellationToken).ConfigureAwait(false) with { AotProblem = problem };
        Report(console, footprint);
        if (settings.Json is { } path)
        {
            var json = new JsonObject
            {
                ["gpus"] = settings.Gpus,
                ["seconds"] = seconds,
                ["agent"] = JsonSerializer.SerializeToNode(footprint.Jit, BenchJsonContext.Default.FootprintResult),
                ["aot_agent"] = footprint.Aot is { } a ? JsonSerializer.SerializeToNode(a, BenchJsonContext.Default.FootprintResult) : null,
                ["aot_problem"] = footprint.AotProblem,
                ["floor"] = JsonSerializer.SerializeToNode(footprint.Floor, BenchJsonContext.Default.FootprintResult),
            };
            await File.WriteAllTextAsync(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }), cancellationToken).ConfigureAwait(false);
        }

        return 0;
    }

    private static void Report(IAnsiConsole console, AgentFootprint footprint)
    {
        var table = new Table().AddColumns("Process", "Mean RSS MiB", "Peak RSS MiB", "CPU % of one core", "CPU µs per sample");
        var agents = new[] { footprint.Aot, footprint.Jit }.OfType<FootprintResult>().ToList();
        foreach (var r in agents.Append(footprint.Floor))
        {
            table.AddRow(r.Name, F(r.MeanResidentMiB), F(r.PeakResidentMiB), F(r.CpuPercentOfOneCore, "0.00"), r.CpuMicrosecondsPerSample is { } us ? F(us, "0") : "-");
        }

        console.Write(table);
        var floor = footprint.Floor;
        foreach (var agent in agents)
        {
            console.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{agent.Name}: {agent.MeanResidentMiB - floor.MeanResidentMiB:+0.0;-0.0} MiB against the floor, {agent.MeanResidentMiB / floor.MeanResidentMiB:0.00}× its memory. Goals: under 50 MB resident ({(agent.PeakResidentMiB * 1.048576 < 50 ? "met" : "not met")}), under 1 % of one core ({(agent.CpuPercentOfOneCore < 1 ? "met" : "not met")}).");
        }
    }

    /// <summary>Runs the benchmark, with a progress bar over its warm-up and measurement on a terminal.</summary>
    private static async Task<AgentFootprint> RunAsync(IAnsiConsole console, int gpus, int seconds, string? aot, CancellationToken cancellationToken)
    {
        if (!console.Profile.Capabilities.Interactive)
        {
            return await new AgentFootprintBench(gpus, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(WarmupSeconds), aot).RunAsync(cancellationToken).ConfigureAwait(false);
        }

        return await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var warmup = context.AddTask("Warm-up", maxValue: WarmupSeconds);
                var measure = context.AddTask($"Measuring {seconds} s", autoStart: false, maxValue: seconds);
                var bench = new AgentFootprintBench(gpus, TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(WarmupSeconds), aot)
                {
                    Progress = done =>
                    {
                        warmup.Value = Math.Min(done, WarmupSeconds);
                        if (done > WarmupSeconds)
                        {
                            measure.StartTask();
                            measure.Value = done - WarmupSeconds;
                        }
                    },
                };
                return await bench.RunAsync(cancellationToken).ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private static string F(double value, string format = "0.0") => value.ToString(format, CultureInfo.InvariantCulture);
}
