using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Telemetry.Cli.Commands;

/// <summary>Options of <c>telemetry demo</c>.</summary>
internal sealed class DemoSettings : SimulatedFleetSettings, IInfluxFlags
{
    [CommandOption("--api-address <IP>")]
    [Description(Commands.ApiAddress.Help)]
    public string? ApiAddress { get; init; }

    [CommandOption("--api-port <PORT>")]
    [Description("Port of the HTTP API the demo serves while it runs (fleet, GPUs, jobs, energy, waste, alerts); 0 for a free port.")]
    [DefaultValue(0)]
    public int ApiPort { get; init; }

    [CommandOption("--serve")]
    [Description("Keep serving the API over the demo's ledger after the report, until Ctrl+C.")]
    public bool Serve { get; init; }

    [CommandOption("--influx-url <URL>")]
    [Description("Also write every window to InfluxDB at this URL; the token comes from TELEMETRY_Influx__Token or the configuration file.")]
    public string? InfluxUrl { get; init; }

    [CommandOption("--influx-bucket <BUCKET>")]
    [Description("InfluxDB bucket, or database/retention-policy for InfluxDB 1.x (default: telemetry).")]
    public string? InfluxBucket { get; init; }

    [CommandOption("--influx-org <ORG>")]
    [Description("InfluxDB organization (2.x); ignored by 1.x.")]
    public string? InfluxOrg { get; init; }

    [CommandOption("--speed <X>")]
    [Description("Simulated seconds per real second, or 'max' to run as fast as the machine allows.")]
    [DefaultValue("240")]
    public override string Speed { get; init; } = "240";

    [CommandOption("--out <DIR>")]
    [Description("Ledger directory the aggregator writes its windows to (Parquet files in daily partitions, with checksum manifests).")]
    [DefaultValue("ledger")]
    public string Out { get; init; } = "ledger";

    [CommandOption("--summary-json <PATH>")]
    [Description("Also write the report, with the simulator's truth beside it, as JSON to this file.")]
    public string? SummaryJson { get; init; }

    [CommandOption("--config <PATH>")]
    [Description("Analytics settings as JSON (sections Aggregator, WasteEpisodes, Health); TELEMETRY_ environment variables override it.")]
    public string? Config { get; init; }

    [CommandOption("--partitions <N>")]
    [Description("Partitions of each topic on the embedded broker.")]
    [DefaultValue(8)]
    public int Partitions { get; init; } = 8;

    [CommandOption("--window <DURATION>")]
    [Description("Aggregation window length. Default: Aggregator:WindowLength from TELEMETRY_Aggregator__WindowLength or --config, else 1m.")]
    public string? Window { get; init; }

    /// <summary>The window given, or null to take it from the analytics settings; zero when it is not a duration.</summary>
    public TimeSpan? WindowValue => Window is null ? null : DurationParser.TryParse(Window, out var d) ? d : TimeSpan.Zero;

    /// <summary>The demo brings its own broker; --bootstrap points it at an existing cluster instead.</summary>
    protected override bool BootstrapRequired => false;

    public override ValidationResult Validate()
    {
        var fleet = base.Validate();
        return !fleet.Successful ? fleet
            : WindowValue < TimeSpan.FromSeconds(1) || WindowValue > TimeSpan.FromDays(1) ? ValidationResult.Error($"--window '{Window}' must be from 1s to 1d, like 1m.")
            : Partitions is < 1 or > 1024 ? ValidationResult.Error($"--partitions must be between 1 and 1024 (got {Partitions}).")
            : Commands.ApiAddress.Validate(ApiAddress);
    }
}
