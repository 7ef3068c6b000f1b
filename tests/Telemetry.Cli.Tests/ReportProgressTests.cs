using Spectre.Console;
using Telemetry.Cli.Rendering;
using Telemetry.Cli.Tests.Support;

namespace Telemetry.Cli.Tests;

/// <summary>
/// The report's progress over ledger files goes to its own console (standard error on a terminal), so what the report
/// writes to standard output is byte for byte the same with progress shown or not. The tests swap where progress goes,
/// so they run alone.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class ReportProgressTests
{
    private static string _ledger = null!;

    [ClassInitialize]
    public static void WriteAMonthOfLedger(TestContext context) => _ledger = ReportLedger.WriteMonth();

    [ClassCleanup]
    public static void DeleteLedger() => Directory.Delete(_ledger, recursive: true);

    [TestMethod]
    [DataRow("--format", "csv", "--group-by", "team")]
    [DataRow("--format", "json")]
    [DataRow("--format", "json", "--group-by", "job", "--from", "2026-03-10")]
    public void CsvAndJsonOnStandardOutputAreTheSameWithProgressShownOnATerminal(params string[] format)
    {
        string[] args = ["report", "--ledger", _ledger, .. format];
        var withoutProgress = WithProgressOn(null, () => CliRun.Run(args));
        var terminal = new StringWriter();
        var withProgress = WithProgressOn(Terminal(terminal), () => CliRun.Run(args));

        Assert.AreEqual(0, withoutProgress.Exit, withoutProgress.Output);
        Assert.AreEqual(0, withProgress.Exit, withProgress.Output);
        Assert.AreEqual(withoutProgress.Output, withProgress.Output);
        Assert.Contains("ledger files", terminal.ToString());
        Assert.DoesNotContain("ledger files", withProgress.Output);
    }

    [TestMethod]
    public void WhenStandardErrorIsNotATerminalNoProgressIsShown()
    {
        // The test host redirects standard error, as a pipe or a file does.
        Assert.IsTrue(Console.IsErrorRedirected);

        Assert.IsNull(LedgerReadProgress.Console());
    }

    private static IAnsiConsole Terminal(StringWriter writer) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = AnsiSupport.Yes,
        ColorSystem = ColorSystemSupport.TrueColor,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(writer),
    });

    private static (int Exit, string Output) WithProgressOn(IAnsiConsole? console, Func<(int, string)> run)
    {
        var before = LedgerReadProgress.Console;
        LedgerReadProgress.Console = () => console;
        try
        {
            return run();
        }
        finally
        {
            LedgerReadProgress.Console = before;
        }
    }
}
