using System.Globalization;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// What an image of ours must be: built in a .NET 10 SDK stage, run by a non-root user, running the telemetry CLI with
/// a command and options the CLI has (or the Functions host), and EXPOSEing exactly the ports that command listens on.
/// </summary>
internal static class DockerfileCheck
{
    private const string BuildImage = "mcr.microsoft.com/dotnet/sdk:10.0";

    // The same SDK with the native toolchain that ahead-of-time compilation needs (clang, zlib).
    private const string AotBuildImage = "mcr.microsoft.com/dotnet/sdk:10.0-noble-aot";
    private const string FunctionsHost = "mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0";

    /// <summary>Every problem with <paramref name="dockerfile"/>, each naming it.</summary>
    public static IReadOnlyList<string> Problems(Dockerfile dockerfile, CliModel cli)
    {
        var problems = new List<string>();
        var name = dockerfile.Name;
        if (dockerfile.Bases.Count < 2 || dockerfile.Bases[0] is not (BuildImage or AotBuildImage))
        {
            problems.Add($"{name}: must build in a first stage FROM {BuildImage} (or {AotBuildImage}) and run from a second (got {string.Join(", ", dockerfile.Bases)})");
        }

        if (dockerfile.User is null or "root" or "0" or "0:0")
        {
            problems.Add($"{name}: the final stage must set USER to a non-root user (got {dockerfile.User ?? "none"})");
        }

        if (dockerfile.EntrypointIsShellForm)
        {
            problems.Add($"{name}: ENTRYPOINT must be in exec form (JSON array), so that SIGTERM reaches the process and not a shell");
        }

        if (dockerfile.Bases[^1] == FunctionsHost)
        {
            problems.AddRange(FunctionsPorts(dockerfile));
            return problems;
        }

        if (dockerfile.Entrypoint is not { } entrypoint || TelemetryArguments(entrypoint) is not { } arguments)
        {
            problems.Add($"{name}: ENTRYPOINT must run the telemetry CLI (dotnet /app/telemetry.dll COMMAND), the node agent (telemetry-agent) or the Functions host");
            return problems;
        }

        var line = CommandLine.Parse([.. arguments, .. dockerfile.Cmd], $"{name} ENTRYPOINT", cli);
        problems.AddRange(line.Problems);
        var listening = ListeningPorts(line);
        if (line.Command is not null && !listening.SetEquals(dockerfile.Exposed))
        {
            problems.Add($"{name}: EXPOSEs {Ports(dockerfile.Exposed)} but 'telemetry {line.Path}' listens on {Ports(listening)}");
        }

        return problems;
    }

    /// <summary>The arguments after the program when <paramref name="command"/> runs the telemetry CLI; null otherwise.</summary>
    public static IReadOnlyList<string>? TelemetryArguments(IReadOnlyList<string> command) =>
        command.Count >= 2 && command[0] == "dotnet" && Path.GetFileName(command[1]) == "telemetry.dll" ? [.. command.Skip(2)]
        : command.Count >= 1 && Path.GetFileName(command[0]) == "telemetry" ? [.. command.Skip(1)]
        // The ahead-of-time compiled agent takes the options of `telemetry agent run`, with the same checks.
        : command.Count >= 1 && Path.GetFileName(command[0]) == "telemetry-agent" ? ["agent", .. command.Skip(1)]
        : null;

    /// <summary>The ports a command listens on: its <c>&lt;PORT&gt;</c> options and the URL of <c>--listen</c>, as given or by default.</summary>
    public static IReadOnlySet<int> ListeningPorts(CommandLine line)
    {
        var ports = new HashSet<int>();
        foreach (var option in line.Command?.Options.Keys ?? [])
        {
            var value = line.Effective(option);
            var isPort = line.Command!.Options[option].GetCustomAttributes(typeof(Spectre.Console.Cli.CommandOptionAttribute), true)
                .Cast<Spectre.Console.Cli.CommandOptionAttribute>().Any(a => a.ValueName == "PORT");
            if (isPort && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port > 0)
            {
                ports.Add(port);
            }
            else if (option == "listen" && Uri.TryCreate(value, UriKind.Absolute, out var url))
            {
                ports.Add(url.Port);
            }
        }

        return ports;
    }

    private static IEnumerable<string> FunctionsPorts(Dockerfile dockerfile)
    {
        var urls = dockerfile.Environment.GetValueOrDefault("ASPNETCORE_URLS", "http://+:80");
        var listening = urls.Split(';').Select(u => int.Parse(u[(u.LastIndexOf(':') + 1)..], CultureInfo.InvariantCulture)).ToHashSet();
        if (!listening.SetEquals(dockerfile.Exposed))
        {
            yield return $"{dockerfile.Name}: EXPOSEs {Ports(dockerfile.Exposed)} but the Functions host listens on {Ports(listening)} (ASPNETCORE_URLS)";
        }
    }

    private static string Ports(IEnumerable<int> ports) => ports.Any() ? string.Join(", ", ports.Order()) : "nothing";
}
