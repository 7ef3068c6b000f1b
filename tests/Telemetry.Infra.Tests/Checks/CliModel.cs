using System.ComponentModel;
using System.Reflection;
using System.Xml.Linq;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>
/// The <c>telemetry</c> command line as the CLI defines it: its command tree from the app's own model (Spectre's
/// built-in <c>cli xmldoc</c>, run on the app that TelemetryApp builds), and each command's options from the
/// <see cref="CommandOptionAttribute"/>s of its settings type, by reflection.
/// </summary>
internal sealed class CliModel
{
    private const string DefaultCommand = "__default_command";
    private static readonly Assembly Cli = Assembly.Load("telemetry");

    private CliModel(CliCommand root) => Root = root;

    /// <summary>The model of the CLI this test project references.</summary>
    public static CliModel Telemetry { get; } = Load();

    /// <summary>The root, whose children are the top-level commands.</summary>
    public CliCommand Root { get; }

    private static CliModel Load()
    {
        using var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 100_000;
        var build = Cli.GetType("Telemetry.Cli.TelemetryApp", throwOnError: true)!.GetMethod("Build", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!;
        var app = (ICommandApp)build.Invoke(null, [console])!;
        var exit = app.Run(["cli", "xmldoc"]);
        if (exit != 0)
        {
            throw new InvalidOperationException($"'telemetry cli xmldoc' exited with {exit}: {output}");
        }

        return new CliModel(Command("", null, XDocument.Parse(output.ToString()).Root!));
    }

    private static CliCommand Command(string name, Type? settings, XElement element)
    {
        var children = element.Elements("Command")
            .Select(c => Command((string)c.Attribute("Name")!, SettingsType(c), c))
            .ToDictionary(c => c.Name, StringComparer.Ordinal);
        return new CliCommand(name, settings, children.GetValueOrDefault(DefaultCommand), children.Values.Where(c => c.Name != DefaultCommand).ToDictionary(c => c.Name, StringComparer.Ordinal));
    }

    private static Type? SettingsType(XElement command) =>
        (string?)command.Attribute("Settings") is { Length: > 0 } name && (bool?)command.Attribute("IsBranch") != true
            ? Cli.GetType(name) ?? typeof(CommandSettings).Assembly.GetType(name, throwOnError: true)
            : null;
}

/// <summary>A command or branch of the CLI.</summary>
internal sealed record CliCommand(string Name, Type? Settings, CliCommand? Default, IReadOnlyDictionary<string, CliCommand> Children)
{
    /// <summary>The options of this command: long and short names (without dashes) with their property.</summary>
    public IReadOnlyDictionary<string, PropertyInfo> Options { get; } = Settings is null
        ? new Dictionary<string, PropertyInfo>()
        : Settings.GetProperties(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
            .SelectMany(p => p.GetCustomAttributes<CommandOptionAttribute>(inherit: true)
                .SelectMany(a => a.LongNames.Concat(a.ShortNames)).Select(n => (Name: n, Property: p)))
            .DistinctBy(o => o.Name)
            .ToDictionary(o => o.Name, o => o.Property, StringComparer.Ordinal);

    /// <summary>Whether the option takes a value (its template names one, as in <c>--out &lt;DIR&gt;</c>).</summary>
    public bool TakesValue(string option) =>
        Options.TryGetValue(option, out var property) && property.GetCustomAttribute<CommandOptionAttribute>(inherit: true)!.ValueName is not null;

    /// <summary>The documented default of an option ([DefaultValue]), as text; null when it has none.</summary>
    public string? DefaultOf(string option) =>
        Options.TryGetValue(option, out var property) && property.GetCustomAttribute<DefaultValueAttribute>(inherit: true) is { Value: { } value }
            ? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
}
