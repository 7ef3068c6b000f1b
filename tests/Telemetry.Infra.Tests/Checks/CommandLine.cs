namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// A <c>telemetry</c> command line as a container runs it (image entrypoint plus the container's arguments), resolved
/// against the CLI's model: which command it runs, the options it gives, and what in it the CLI would refuse.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _problems = [];

    private CommandLine(string source) => Source = source;

    /// <summary>Where the command line comes from, for messages.</summary>
    public string Source { get; }

    /// <summary>The command it runs, such as "aggregate" or "agent run"; empty when none could be found.</summary>
    public string Path { get; private set; } = "";

    /// <summary>The command it runs; null when none could be found.</summary>
    public CliCommand? Command { get; private set; }

    /// <summary>Options given (long or short name without dashes) and their values (null for a flag).</summary>
    public IReadOnlyDictionary<string, string?> Options => _options;

    /// <summary>What the CLI would refuse, each naming the source.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Resolves <paramref name="arguments"/>, the arguments after the program (<c>dotnet telemetry.dll</c>).</summary>
    public static CommandLine Parse(IReadOnlyList<string> arguments, string source, CliModel model)
    {
        var line = new CommandLine(source);
        var current = model.Root;
        var path = new List<string>();
        var i = 0;
        for (; i < arguments.Count && current.Children.TryGetValue(arguments[i], out var child); i++)
        {
            current = child;
            path.Add(child.Name);
        }

        line.Path = string.Join(' ', path);
        current = current.Settings is null && current.Default is not null ? current.Default : current;
        if (current.Settings is null)
        {
            var next = i < arguments.Count ? $"'{arguments[i]}'" : "nothing";
            line._problems.Add($"{source}: 'telemetry {line.Path}' is followed by {next}, not one of its commands ({string.Join(", ", current.Children.Keys)})");
            return line;
        }

        line.Command = current;
        line.ReadOptions(arguments, i);
        return line;
    }

    /// <summary>The value the command runs with for <paramref name="option"/>: the one given, else its default.</summary>
    public string? Effective(string option) =>
        _options.TryGetValue(option, out var value) ? value : Command?.DefaultOf(option);

    private void ReadOptions(IReadOnlyList<string> arguments, int start)
    {
        for (var i = start; i < arguments.Count; i++)
        {
            var token = arguments[i];
            var name = token.StartsWith("--", StringComparison.Ordinal) ? token[2..] : token.StartsWith('-') ? token[1..] : null;
            if (name is null)
            {
                _problems.Add($"{Source}: '{token}' is not an option of 'telemetry {Path}' (it takes no arguments)");
                continue;
            }

            var equals = name.IndexOf('=', StringComparison.Ordinal);
            string? value = equals >= 0 ? name[(equals + 1)..] : null;
            name = equals >= 0 ? name[..equals] : name;
            if (!Command!.Options.ContainsKey(name))
            {
                _problems.Add($"{Source}: 'telemetry {Path}' has no option '{token}' (it has {string.Join(", ", Command.Options.Keys.Select(o => "--" + o))})");
                continue;
            }

            if (Command.TakesValue(name) && value is null)
            {
                if (i + 1 >= arguments.Count)
                {
                    _problems.Add($"{Source}: '--{name}' of 'telemetry {Path}' needs a value");
                    continue;
                }

                value = arguments[++i];
            }

            _options[name] = value;
        }
    }
}
