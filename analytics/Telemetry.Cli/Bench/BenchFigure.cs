using System.Text.Json.Serialization;

namespace Telemetry.Cli.Bench;

/// <summary>One figure of the pipeline benchmark beside its baseline from the same run.</summary>
/// <param name="Key">Stable machine name of the figure.</param>
/// <param name="What">What was measured, for people.</param>
/// <param name="Unit">Unit of <paramref name="Value"/> and <paramref name="BaselineValue"/>.</param>
/// <param name="Value">Ours.</param>
/// <param name="Baseline">What the baseline is.</param>
/// <param name="BaselineValue">The baseline's figure, when it ran.</param>
/// <param name="Goal">The goal, in words.</param>
/// <param name="GoalMet">Whether the figure meets it.</param>
/// <param name="Note">How it was measured, or why the baseline is missing.</param>
internal sealed record BenchFigure(
    string Key,
    string What,
    string Unit,
    double Value,
    string Baseline,
    double? BaselineValue,
    string Goal,
    bool? GoalMet,
    string? Note = null)
{
    /// <summary>Ours over the baseline (both in the same unit, larger is better unless the unit is bytes).</summary>
    public double? Ratio => BaselineValue is { } b && b != 0 ? Value / b : null;

    /// <summary>The scale the figure was measured at (GPUs tracked), where that matters.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? Gpus { get; init; }
}
