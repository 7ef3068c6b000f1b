using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Telemetry.Agent.Simulation;

namespace Telemetry.Cli.Commands;

/// <summary>Options of the commands that run a simulated fleet: its shape, seed, pace and batching.</summary>
internal abstract class SimulatedFleetSettings : KafkaClientSettings
{
    [CommandOption("--nodes <N>")]
    [Description("Simulated nodes (one agent each).")]
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

    [CommandOption("--seed <SEED>")]
    [Description("Seed of the simulated fleet; the same seed gives the same fleet and readings.")]
    [DefaultValue(42UL)]
    public ulong Seed { get; init; } = 42;

    [CommandOption("--batch-seconds <N>")]
    [Description("Seconds of samples an agent puts in one Kafka message.")]
    [DefaultValue(5)]
    public int BatchSeconds { get; init; } = 5;

    /// <summary>Simulated seconds per real second, or 'max'; each command gives its own default.</summary>
    public abstract string Speed { get; init; }

    public TimeSpan DurationValue => DurationParser.TryParse(Duration, out var d) ? d : TimeSpan.Zero;

    /// <summary>The speed as a number; 0 for 'max', -1 when it is not valid.</summary>
    public double SpeedValue => Speed.Equals("max", StringComparison.OrdinalIgnoreCase) ? 0
        : double.TryParse(Speed, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 && double.IsFinite(s) ? s : -1;

    /// <summary>
    /// Where the simulated clock starts for a run that begins at <paramref name="now"/>: as far in the past as the run
    /// gains on the wall clock, so that it ends when its last sample is due and is never ahead of the wall clock (the
    /// aggregator quarantines samples from the future). At speed 1 that is now; at 'max', a whole duration ago.
    /// </summary>
    public DateTimeOffset SimulationStart(DateTimeOffset now)
    {
        var speed = SpeedValue;
        var ahead = speed > 0 ? DurationValue - (DurationValue / speed) : DurationValue;
        var start = now - (ahead > TimeSpan.Zero ? ahead : TimeSpan.Zero);
        return new DateTimeOffset(start.Ticks - (start.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
    }

    /// <summary>The simulation these options describe, starting at <paramref name="start"/>.</summary>
    public FleetSimulationOptions Simulation(DateTimeOffset start) => new()
    {
        Nodes = Nodes,
        GpusPerNode = GpusPerNode,
        Seed = Seed,
        Duration = DurationValue,
        Start = start,
    };

    public override ValidationResult Validate()
    {
        var kafka = base.Validate();
        return !kafka.Successful ? kafka
            : Nodes is < 1 or > 100_000 ? ValidationResult.Error($"--nodes must be between 1 and 100000 (got {Nodes}).")
            : GpusPerNode is < 1 or > 64 ? ValidationResult.Error($"--gpus-per-node must be between 1 and 64 (got {GpusPerNode}).")
            : DurationValue < TimeSpan.FromSeconds(10) || DurationValue > TimeSpan.FromDays(31) || DurationValue.Ticks % TimeSpan.TicksPerSecond != 0
                ? ValidationResult.Error($"--duration '{Duration}' must be whole seconds from 10s to 31d, like 90s, 30m or 1h.")
            : SpeedValue < 0 ? ValidationResult.Error($"--speed '{Speed}' must be a positive number or 'max'.")
            : BatchSeconds is < 1 or > 3600 ? ValidationResult.Error($"--batch-seconds must be between 1 and 3600 (got {BatchSeconds}).")
            : ValidationResult.Success();
    }
}
