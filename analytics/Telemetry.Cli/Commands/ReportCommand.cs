using System.ComponentModel;
using System.Text.Json;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Analytics.Ledger;
using Telemetry.Analytics.Reporting;
using Telemetry.Cli.Rendering;

namespace Telemetry.Cli.Commands;

/// <summary><c>telemetry report</c>: the fleet report of a ledger directory.</summary>
internal sealed class ReportCommand : Command<ReportCommand.Settings>
{
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--ledger <DIR>")]
        [Description("Ledger directory to read.")]
        [DefaultValue("ledger")]
        public string Ledger { get; init; } = "ledger";

        [CommandOption("--summary-json <PATH>")]
        [Description("Also write the report as JSON to this file.")]
        public string? SummaryJson { get; init; }

        public override ValidationResult Validate() =>
            Directory.Exists(Path.Combine(Ledger, "gpu-windows"))
                ? ValidationResult.Success()
                : ValidationResult.Error($"--ledger '{Ledger}' holds no gpu-windows directory: point it at a ledger an aggregator wrote.");
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var reader = new LedgerReader(settings.Ledger);
        var report = ReportBuilder.Build(LedgerData.Read(reader), new ReportOptions());
        ReportRenderer.Render(Consoles.Standard(), report);
        if (settings.SummaryJson is { } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(report, ReportJsonContext.Default.FleetReport));
        }

        return 0;
    }
}
