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
    public void EveryCommandAnswersHelpWithItsOptionsAndExamples(string command, string option)
    {
        var (exit, output) = Run([.. command.Split(' '), "--help"]);

        Assert.AreEqual(0, exit, output);
        Assert.Contains(option, output);
        Assert.Contains("EXAMPLES", output);
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
