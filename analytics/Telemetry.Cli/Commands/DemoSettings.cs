using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Telemetry.Cli.Commands;

/// <summary>Options of <c>telemetry demo</c>.</summary>
internal sealed class DemoSettings : CommandSettings
{
    [CommandOption("--nodes <N>")]
    [Description("Simulated nodes.")]
    [DefaultValue(16)]
    public int Nodes { get; init; } = 16;

    [CommandOption("--gpus-per-node <N>")]
    [Description("GPUs per node.")]
    [DefaultValue(8)]
    public int GpusPerNode { get; init; } = 8;

    [CommandOption("--duration <DURATION>")]
    [Description("Simulated time to run: 90s, 30m, 1h, 1h30m, 2d.")]
    [DefaultValue("1h")]
    public string Duration { get; init; } = "1h";

    [CommandOption("--speed <X>")]
    [Description("Simulated seconds per real second, or 'max' to run as fast as the machine allows.")]
    [DefaultValue("240")]
    public string Speed { get; init; } = "240";

    [CommandOption("--seed <SEED>")]
    [Description("Seed of the simulated fleet; the same seed gives the same fleet and readings.")]
    [DefaultValue(42UL)]
    public ulong Seed { get; init; } = 42;

    [CommandOption("--out <DIR>")]
    [Description("Ledger directory the aggregator writes its windows to (Arrow IPC files).")]
    [DefaultValue("ledger")]
    public string Out { get; init; } = "ledger";

    [CommandOption("--summary-json <PATH>")]
    [Description("Also write the report, with the simulator's truth beside it, as JSON to this file.")]
    public string? SummaryJson { get; init; }

    [CommandOption("--partitions <N>")]
    [Description("Partitions of each topic on the embedded broker.")]
    [DefaultValue(8)]
    public int Partitions { get; init; } = 8;

    [CommandOption("--batch-seconds <N>")]
    [Description("Seconds of samples an agent puts in one Kafka message.")]
    [DefaultValue(5)]
    public int BatchSeconds { get; init; } = 5;

    [CommandOption("--window <DURATION>")]
    [Description("Aggregation window length.")]
    [DefaultValue("1m")]
    public string Window { get; init; } = "1m";

    public TimeSpan DurationValue => DurationParser.TryParse(Duration, out var d) ? d : TimeSpan.Zero;

    public TimeSpan WindowValue => DurationParser.TryParse(Window, out var d) ? d : TimeSpan.Zero;

    public double SpeedValue => Speed.Equals("max", StringComparison.OrdinalIgnoreCase) ? 0
        : double.TryParse(Speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : -1;

    public override ValidationResult Validate()
    {
        if (Nodes is < 1 or > 100_000) { return ValidationResult.Error($"--nodes must be between 1 and 100000 (got {Nodes})."); }
        if (GpusPerNode is < 1 or > 64) { return ValidationResult.Error($"--gpus-per-node must be between 1 and 64 (got {GpusPerNode})."); }
        if (DurationValue < TimeSpan.FromSeconds(10) || DurationValue > TimeSpan.FromDays(31) || DurationValue.Ticks % TimeSpan.TicksPerSecond != 0)
        {
            return ValidationResult.Error($"--duration '{Duration}' must be whole seconds from 10s to 31d, like 90s, 30m or 1h.");
        }

        if (SpeedValue < 0 || double.IsNaN(SpeedValue) || double.IsInfinity(SpeedValue)) { return ValidationResult.Error($"--speed '{Speed}' must be a positive number or 'max'."); }
        if (WindowValue < TimeSpan.FromSeconds(1) || WindowValue > TimeSpan.FromDays(1)) { return ValidationResult.Error($"--window '{Window}' must be from 1s to 1d, like 1m."); }
        if (Partitions is < 1 or > 1024) { return ValidationResult.Error($"--partitions must be between 1 and 1024 (got {Partitions})."); }
        if (BatchSeconds is < 1 or > 3600) { return ValidationResult.Error($"--batch-seconds must be between 1 and 3600 (got {BatchSeconds})."); }
        return ValidationResult.Success();
    }
}
