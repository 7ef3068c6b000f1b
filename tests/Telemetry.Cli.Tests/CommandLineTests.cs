using System.Xml.Linq;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Telemetry.Cli.Tests;

[TestClass]
public sealed class CommandLineTests
{
    private static readonly string[] Commands = ["demo", "broker", "agent", "aggregate", "report", "verify"];

    [TestMethod]
    [DataRow("demo", "--duration")]
    [DataRow("broker", "--partitions")]
    [DataRow("agent run", "--bootstrap")]
    [DataRow("agent alloc start", "--gpus")]
    [DataRow("agent alloc stop", "--job")]
    [DataRow("aggregate", "--out")]
    [DataRow("report", "--ledger")]
    [DataRow("verify", "--ledger")]
    [DataRow("bench agent", "--gpus")]
    [DataRow("bench sweep", "--quick")]
    public void EveryCommandAnswersHelpWithItsOptionsAndExamples(string command, string option)
    {
        var (exit, output) = Run([.. command.Split(' '), "--help"]);

        Assert.AreEqual(0, exit, output);
        Assert.Contains(option, output);
        Assert.Contains("EXAMPLES", output);
    }

    [TestMethod]
    public void EveryCommandAndBranchInTheAppsModelHasADescriptionAndAnExampleThatParses()
    {
        var paths = CommandPaths().ToList();

        Assert.IsGreaterThanOrEqualTo(10, paths.Count, string.Join(", ", paths));
        foreach (var path in paths)
        {
            var (exit, output) = Run([.. path, "--help"]);
            var help = string.Join(' ', path) + ": " + output;
            Assert.AreEqual(0, exit, help);
            Assert.Contains("DESCRIPTION:", output, help);
            var examples = Examples(output).ToList();
            Assert.IsNotEmpty(examples, help);
            foreach (var example in examples)
            {
                // Every example names a command the app has, and options that command lists.
                var command = example.TakeWhile(word => !word.StartsWith('-')).ToArray();
                var (commandExit, commandHelp) = Run([.. command, "--help"]);
                Assert.AreEqual(0, commandExit, string.Join(' ', example));
                foreach (var option in example.Where(word => word.StartsWith("--", StringComparison.Ordinal)))
                {
                    Assert.Contains(option + " ", commandHelp, $"{string.Join(' ', example)}: {option}");
                }
            }
        }
    }

    [TestMethod]
    public void TopLevelHelpListsTheCommands()
    {
        var (exit, output) = Run("--help");

        Assert.AreEqual(0, exit, output);
        foreach (var command in Commands)
        {
            Assert.Contains(command, output);
        }
    }

    [TestMethod]
    [DataRow("--duration", "5x", "--duration")]
    [DataRow("--speed", "fast", "--speed")]
    [DataRow("--nodes", "0", "--nodes")]
    [DataRow("--window", "0s", "--window")]
    public void DemoRejectsABadOptionNamingIt(string option, string value, string named)
    {
        var (exit, output) = Run("demo", option, value);

        Assert.AreNotEqual(0, exit);
        Assert.Contains(named, output);
    }

    [TestMethod]
    public void AgentWithoutABrokerAddressSaysHowToGiveOne()
    {
        if (Environment.GetEnvironmentVariable("TELEMETRY_KAFKA_BOOTSTRAP") is not null)
        {
            Assert.Inconclusive("TELEMETRY_KAFKA_BOOTSTRAP is set in this environment.");
        }

        var (exit, output) = Run("agent");

        Assert.AreNotEqual(0, exit);
        Assert.Contains("--bootstrap", output);
    }

    [TestMethod]
    public void AllocOutsideSlurmWithoutAJobSaysWhatIsMissing()
    {
        if (Environment.GetEnvironmentVariable("SLURM_JOB_ID") is not null)
        {
            Assert.Inconclusive("SLURM_JOB_ID is set in this environment.");
        }

        var (exit, output) = Run("agent", "alloc", "start", "--gpus", "0");

        Assert.AreNotEqual(0, exit);
        Assert.Contains("--job", output);
    }

    [TestMethod]
    public void ReportOfAMissingLedgerNamesTheDirectory()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-ledger-" + Guid.NewGuid().ToString("N"));

        var (exit, output) = Run("report", "--ledger", missing);

        Assert.AreNotEqual(0, exit);
        Assert.Contains("--ledger", output);
    }

    [TestMethod]
    public void VerifyOfAMissingLedgerNamesTheDirectory()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-ledger-" + Guid.NewGuid().ToString("N"));

        var (exit, output) = Run("verify", "--ledger", missing);

        Assert.AreNotEqual(0, exit);
        Assert.Contains("--ledger", output);
    }

    /// <summary>Every visible command and branch, as the words that name it, from Spectre's model of the app.</summary>
    private static IEnumerable<string[]> CommandPaths()
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Out = new AnsiConsoleOutput(writer) });
        console.Profile.Width = 100_000;
        Assert.AreEqual(0, TelemetryApp.Build(console).Run(["cli", "xmldoc"]));
        return Walk(XDocument.Parse(writer.ToString()).Root!, []);

        static IEnumerable<string[]> Walk(XElement parent, string[] prefix) => parent.Elements("Command")
            .Select(c => (string)c.Attribute("Name")!)
            .Where(name => name != "__default_command" && !Hidden.Contains(string.Join(' ', [.. prefix, name])))
            .SelectMany(name => Walk(parent.Elements("Command").Single(c => (string)c.Attribute("Name")! == name), [.. prefix, name]).Prepend([.. prefix, name]));
    }

    /// <summary>The idle process the agent benchmark measures as its baseline: started by the benchmark, not by people.</summary>
    private static readonly HashSet<string> Hidden = new(StringComparer.Ordinal) { "bench idle" };

    /// <summary>The examples of a help text, without the application's name.</summary>
    private static IEnumerable<string[]> Examples(string help) => help
        .Split('\n')
        .SkipWhile(l => !l.StartsWith("EXAMPLES:", StringComparison.Ordinal))
        .Skip(1)
        .TakeWhile(l => l.Trim().Length > 0)
        .Select(l => l.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..]);

    private static (int Exit, string Output) Run(params string[] args)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(writer),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 200;
        var exit = TelemetryApp.Build(console).Run(args);
        return (exit, writer.ToString());
    }
}
