using Spectre.Console.Cli;
using Telemetry.Cli.Commands;

namespace Telemetry.Cli;

/// <summary>The <c>telemetry</c> command line: its commands, their help and examples.</summary>
internal static class TelemetryApp
{
    public static async Task<int> RunAsync(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        // SIGTERM (a service manager or Kubernetes stopping the agent) ends the work the same way: flush, then exit.
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });

        return await Build().RunAsync(args, cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>The command app; <paramref name="console"/> receives help and errors (the terminal by default).</summary>
    public static CommandApp Build(Spectre.Console.IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("telemetry");
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            config.AddCommand<DemoCommand>("demo")
                .WithDescription("Run broker, simulated fleet, agents and aggregator in one process; print the fleet report.")
                .WithExample("demo")
                .WithExample("demo", "--nodes", "32", "--duration", "2h", "--speed", "max", "--summary-json", "summary.json")
                .WithExample("demo", "--nodes", "4", "--speed", "max", "--serve")
                .WithExample("demo", "--bootstrap", "kafka-1:9092", "--config", "settings.json");
            config.AddCommand<BrokerCommand>("broker")
                .WithDescription("Run the embedded Kafka broker (librdkafka's mock cluster) and print its bootstrap address.")
                .WithExample("broker")
                .WithExample("broker", "--partitions", "16", "--brokers", "3");
            config.AddBranch("agent", agent =>
            {
                agent.SetDescription("Run the node agent ('agent' alone runs it: see 'agent run --help'), or tell it about a job's GPUs.");
                agent.SetDefaultCommand<AgentCommand>();
                agent.AddExample("agent", "--bootstrap", "kafka-1:9092,kafka-2:9092", "--hpc-job-map", "/run/dcgm-job-map");
                agent.AddExample("agent", "--simulate", "--bootstrap", "127.0.0.1:39093", "--nodes", "4", "--speed", "60");
                agent.AddCommand<AgentCommand>("run")
                    .WithDescription("Run the node agent (the default of 'agent').")
                    .WithExample("agent", "run", "--bootstrap", "kafka-1:9092", "--collector", "dcgm-exporter", "--spool", "/var/lib/telemetry/spool")
                    .WithExample("agent", "run", "--simulate", "--bootstrap", "127.0.0.1:39093", "--nodes", "4", "--speed", "60");
                agent.AddBranch("alloc", alloc =>
                {
                    alloc.SetDescription("Tell the node's agent that a job takes or releases GPUs (for Slurm prolog and epilog).");
                    alloc.AddExample("agent", "alloc", "start");
                    alloc.AddCommand<AllocCommand>("start")
                        .WithDescription("A job takes GPUs.")
                        .WithExample("agent", "alloc", "start", "--job", "4242", "--gpus", "0,1", "--user", "ada", "--team", "research");
                    alloc.AddCommand<AllocCommand>("stop")
                        .WithDescription("A job releases GPUs.")
                        .WithExample("agent", "alloc", "stop", "--job", "4242", "--gpus", "0,1");
                });
            });
            config.AddCommand<AggregateCommand>("aggregate")
                .WithDescription("Run an aggregator: consume the telemetry topics, close windows, write the ledger.")
                .WithExample("aggregate", "--bootstrap", "127.0.0.1:39093", "--out", "ledger")
                .WithExample("aggregate", "--bootstrap", "kafka-1:9092", "--config", "settings.json", "--influx-url", "http://influxdb:8086", "--api-address", "0.0.0.0");
            config.AddBranch("bench", bench =>
            {
                bench.SetDescription("Benchmarks, measured side by side with a baseline in the same run ('bench' alone runs 'bench pipeline').");
                bench.AddExample("bench", "--quick", "--json", "bench.json");
                bench.AddExample("bench", "agent", "--quick");
                bench.AddExample("bench", "sweep", "--quick");
                bench.SetDefaultCommand<BenchPipelineCommand>();
                bench.AddCommand<BenchPipelineCommand>("pipeline")
                    .WithDescription("The pipeline at fleet scale: decode, window reduction, DuckDB, memory, backlog drain, lossless rate and (with --influx-url) the InfluxDB sink, each beside its baseline.")
                    .WithExample("bench", "--quick", "--json", "bench.json")
                    .WithExample("bench", "pipeline", "--quick", "--influx-url", "http://localhost:8086", "--influx-bucket", "telemetry-bench")
                    .WithExample("bench", "pipeline", "--json", "bench.json", "--markdown", "bench.md");
                bench.AddCommand<BenchSweepCommand>("sweep")
                    .WithDescription("The producer's linger, compression and rows per message, one at a time from the default: lossless end-to-end rate and bytes a sample on the wire, beside the default's and the C baseline's.")
                    .WithExample("bench", "sweep", "--quick", "--json", "sweep.json")
                    .WithExample("bench", "sweep", "--json", "sweep.json", "--markdown", "sweep.md");
                bench.AddCommand<BenchAgentCommand>("agent")
                    .WithDescription("The agent's resident memory and CPU on a node of N GPUs read once a second, as the telemetry command runs it (JIT) and as the ahead-of-time compiled telemetry-agent (published first when out of date), beside the .NET runtime's floor.")
                    .WithExample("bench", "agent", "--gpus", "8", "--seconds", "60")
                    .WithExample("bench", "agent", "--quick", "--json", "footprint.json");
                bench.AddCommand<BenchIdleCommand>("idle").IsHidden();
            });
            config.AddCommand<ReportCommand>("report")
                .WithDescription("Print the fleet report of a ledger directory.")
                .WithExample("report", "--ledger", "ledger", "--summary-json", "report.json")
                .WithExample("report", "--ledger", "ledger", "--from", "2026-03-01T00:00:00Z", "--group-by", "team", "--format", "csv", "--output", "teams.csv");
            config.AddCommand<VerifyCommand>("verify")
                .WithDescription("Check a ledger's files against the checksums in its manifests; exit 1 if any is missing, extra or altered.")
                .WithExample("verify", "--ledger", "ledger");
        });
        return app;
    }
}
