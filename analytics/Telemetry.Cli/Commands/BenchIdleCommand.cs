using Spectre.Console.Cli;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry bench idle</c> (hidden): does nothing until stopped; the runtime's floor that the agent's footprint is measured against.</summary>
internal sealed class BenchIdleCommand : AsyncCommand
{
    public override async Task<int> ExecuteAsync(CommandContext context, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        return 0;
    }
}
