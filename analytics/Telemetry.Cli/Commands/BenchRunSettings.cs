using System.ComponentModel;
using Spectre.Console.Cli;

namespace Telemetry.Cli.Commands;

/// <summary>What every benchmark that writes its figures to files takes: a hidden tiny scale, and where the files go.</summary>
internal class BenchRunSettings : CommandSettings
{
    [CommandOption("--tiny", IsHidden = true)]
    [Description("A run of seconds on a few GPUs, to check that every figure comes out.")]
    public bool Tiny { get; init; }

    [CommandOption("--json <PATH>")]
    [Description("Also write the figures as JSON.")]
    public string? Json { get; init; }

    [CommandOption("--markdown <PATH>")]
    [Description("Also write the table as markdown (default: beside --json, with the extension .md).")]
    public string? Markdown { get; init; }
}
