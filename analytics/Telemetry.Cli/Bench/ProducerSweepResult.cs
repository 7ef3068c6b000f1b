namespace Telemetry.Cli.Bench;

/// <summary>Every setting of one producer sweep, the default first.</summary>
/// <param name="Scale">Which scale ran.</param>
/// <param name="Figures">The settings' figures.</param>
/// <param name="Machine">Cores, load, OS and runtime.</param>
/// <param name="Seconds">Wall time of the whole run.</param>
internal sealed record ProducerSweepResult(string Scale, IReadOnlyList<ProducerSweepFigure> Figures, string Machine, double Seconds);
