using Spectre.Console;

namespace Telemetry.Cli;

/// <summary>The console the commands write to.</summary>
internal static class Consoles
{
    /// <summary>Standard output; when it is redirected to a file or a pipe, tables get 160 columns instead of 80.</summary>
    public static IAnsiConsole Standard()
    {
        var console = AnsiConsole.Console;
        if (Console.IsOutputRedirected && console.Profile.Width < 160)
        {
            console.Profile.Width = 160;
        }

        return console;
    }
}
