using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Logging;
using Telemetry.Agent.Hosting;

namespace Telemetry.Agent.Host;

/// <summary><c>telemetry-agent</c>: reads its command line, then runs the node agent until Ctrl+C or SIGTERM.</summary>
internal static class AgentHost
{
    /// <summary>The exit status of a command line that is not valid.</summary>
    public const int UsageError = 2;

    /// <summary>Runs the agent the command line describes; its lines go to <paramref name="output"/>, its logs to standard error.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output)
    {
        if (AgentArguments.WantsHelp(args))
        {
            await output.WriteAsync(Help()).ConfigureAwait(false);
            return 0;
        }

        var (settings, error) = AgentArguments.Parse(args);
        if (settings is null)
        {
            await output.WriteLineAsync("Error: " + error).ConfigureAwait(false);
            return UsageError;
        }

        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        // SIGTERM (a service manager or Kubernetes stopping the agent) ends the work the same way: flush, then exit.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancellation.Cancel();
        });
        using var loggers = AgentLogging.Create(LogLevel.Information);
        return await new NodeAgentRunner(settings, loggers, new StreamAgentConsole(output)).RunAsync(cancellation.Token).ConfigureAwait(false);
    }

    /// <summary>The usage, the options with their defaults, and examples.</summary>
    public static string Help()
    {
        var help = new StringBuilder()
            .AppendLine("Runs the node agent: reads this node's GPUs through dcgm-exporter, NVML or nvidia-smi and sends their telemetry, the node's job allocations and the jobs' throughput to Kafka.")
            .AppendLine()
            .AppendLine("USAGE:")
            .AppendLine("    telemetry-agent [OPTIONS]")
            .AppendLine()
            .AppendLine("OPTIONS:");
        foreach (var option in AgentArguments.Options)
        {
            var name = option.Value is null ? option.Name : $"{option.Name} <{option.Value}>";
            help.Append("    ").Append(name.PadRight(30)).Append(option.Help);
            help.AppendLine(option.Default is null ? "" : $" Default: {option.Default}.");
        }

        return help
            .AppendLine()
            .AppendLine("EXAMPLES:")
            .AppendLine("    telemetry-agent --bootstrap kafka-1:9092,kafka-2:9092 --hpc-job-map /run/dcgm-job-map")
            .AppendLine("    telemetry-agent --bootstrap kafka-1:9092 --collector dcgm-exporter --spool /var/lib/telemetry/spool")
            .ToString();
    }
}
