using System.Globalization;
using Spectre.Console;
using Telemetry.Cli.Demo;

namespace Telemetry.Cli.Rendering;

/// <summary>Shows the demo's progress: a live table on a terminal, a line every few seconds otherwise.</summary>
internal sealed class ProgressView(IAnsiConsole console)
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private DemoProgress? _latest;
    private DateTime _lastLine;

    public bool Interactive => console.Profile.Capabilities.Interactive;

    public void Update(DemoProgress progress)
    {
        _latest = progress;
        if (!Interactive && DateTime.UtcNow - _lastLine > TimeSpan.FromSeconds(5))
        {
            _lastLine = DateTime.UtcNow;
            console.WriteLine(Line(progress));
        }
    }

    public async Task<T> RunLiveAsync<T>(Func<Task<T>> work)
    {
        if (!Interactive)
        {
            return await work().ConfigureAwait(false);
        }

        var table = Table(null);
        return await console.Live(table).StartAsync(async context =>
        {
            var task = work();
            while (!task.IsCompleted)
            {
                context.UpdateTarget(Table(_latest));
                await Task.WhenAny(task, Task.Delay(250)).ConfigureAwait(false);
            }

            context.UpdateTarget(Table(_latest));
            return await task.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    private static string Line(DemoProgress p) => string.Format(Invariant,
        "simulated {0:HH:mm:ss} ({1:P0})  produced {2:N0}  aggregated {3:N0}  {4:N0} samples/s  windows {5}  lag {6}",
        p.SimulatedTime, p.SimulatedShare, p.SamplesProduced, p.SamplesAggregated, p.SamplesPerSecond, p.WindowsClosed, p.Lag);

    private static Table Table(DemoProgress? p)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("[bold]telemetry demo[/]").AddColumns("Simulated time", "Done", "Produced", "Aggregated", "Samples/s", "Late", "Windows", "Lag", "Parked");
        if (p is null)
        {
            table.AddRow("starting…", "", "", "", "", "", "", "", "");
            return table;
        }

        table.AddRow(
            p.SimulatedTime.ToString("HH:mm:ss", Invariant), p.SimulatedShare.ToString("P0", Invariant), p.SamplesProduced.ToString("N0", Invariant),
            p.SamplesAggregated.ToString("N0", Invariant), p.SamplesPerSecond.ToString("N0", Invariant), p.SamplesLate.ToString("N0", Invariant),
            p.WindowsClosed.ToString(Invariant), p.Lag.ToString(Invariant), p.Parked.ToString(Invariant));
        return table;
    }
}
