using Spectre.Console;

namespace Telemetry.Cli.Tests.Support;

/// <summary>Runs the <c>telemetry</c> command line in process and captures everything it writes.</summary>
internal static class CliRun
{
    /// <summary>The exit code, and what the command wrote to its console and to standard output.</summary>
    public static (int Exit, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer), Interactive = InteractionSupport.No });
        console.Profile.Width = 250;
        var stdout = Console.Out;
        var standard = AnsiConsole.Console;
        var captured = new StringWriter();
        Console.SetOut(captured);
        AnsiConsole.Console = console;
        try
        {
            var exit = TelemetryApp.Build(console).Run(args);
            return (exit, writer.ToString() + captured.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            AnsiConsole.Console = standard;
        }
    }
}
