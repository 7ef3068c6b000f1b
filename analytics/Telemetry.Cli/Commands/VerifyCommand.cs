using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Analytics.Ledger;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry verify</c>: an auditor's check of a ledger's files against its manifests.</summary>
internal sealed class VerifyCommand : Command<VerifyCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--ledger <DIR>")]
        [Description("Ledger directory to check.")]
        [DefaultValue("ledger")]
        public string Ledger { get; init; } = "ledger";

        public override ValidationResult Validate() =>
            Directory.Exists(Ledger)
                ? ValidationResult.Success()
                : ValidationResult.Error($"--ledger '{Ledger}' is not a directory: point it at a ledger an aggregator wrote.");
    }

    /// <summary>0 when every file matches its manifest line, 1 when something is missing, extra or altered.</summary>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var verification = new LedgerReader(settings.Ledger).Verify();
        var console = Consoles.Standard();
        List(console, "missing", verification.Missing);
        List(console, "extra", verification.Extra);
        List(console, "altered", verification.Altered);
        console.MarkupLineInterpolated($"{verification.FilesChecked} files checked: {verification.Missing.Count} missing, {verification.Extra.Count} extra, {verification.Altered.Count} altered.");
        return verification.IsIntact ? 0 : 1;
    }

    private static void List(IAnsiConsole console, string finding, IReadOnlyList<string> paths)
    {
        foreach (var path in paths)
        {
            console.MarkupLineInterpolated($"[red]{finding}[/] {path}");
        }
    }
}
