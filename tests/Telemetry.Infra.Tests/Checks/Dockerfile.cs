using System.Text.Json;
using System.Text.RegularExpressions;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>The instructions of a Dockerfile that the checks read, from its text (continuation lines joined, comments left out).</summary>
internal sealed partial class Dockerfile
{
    private Dockerfile(string name, IReadOnlyList<(string Keyword, string Arguments)> instructions)
    {
        Name = name;
        Instructions = instructions;
        var lastFrom = instructions.Select((x, i) => (x, i)).LastOrDefault(x => x.x.Keyword == "FROM").i;
        Final = [.. instructions.Skip(lastFrom)];
    }

    /// <summary>The file's name, for messages.</summary>
    public string Name { get; }

    /// <summary>Every instruction, keyword in upper case.</summary>
    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    /// <summary>The instructions of the last stage, its FROM first: what the image is.</summary>
    public IReadOnlyList<(string Keyword, string Arguments)> Final { get; }

    /// <summary>The images the stages start from, without --platform.</summary>
    public IReadOnlyList<string> Bases => [.. Instructions.Where(x => x.Keyword == "FROM").Select(x => x.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(a => !a.StartsWith("--", StringComparison.Ordinal)))];

    /// <summary>The final stage's ENTRYPOINT in exec form; null when absent or in shell form.</summary>
    public IReadOnlyList<string>? Entrypoint => ExecForm("ENTRYPOINT");

    /// <summary>Whether the final stage's ENTRYPOINT is in shell form, which runs it under /bin/sh (signals go to the shell).</summary>
    public bool EntrypointIsShellForm => Last("ENTRYPOINT") is { } e && !e.StartsWith('[');

    /// <summary>The final stage's CMD in exec form; empty when absent.</summary>
    public IReadOnlyList<string> Cmd => ExecForm("CMD") ?? [];

    /// <summary>The final stage's user; null when it sets none (root).</summary>
    public string? User => Last("USER");

    /// <summary>The ports the final stage EXPOSEs.</summary>
    public IReadOnlySet<int> Exposed => Final.Where(x => x.Keyword == "EXPOSE")
        .SelectMany(x => x.Arguments.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .Select(p => int.Parse(p.Split('/')[0], System.Globalization.CultureInfo.InvariantCulture))
        .ToHashSet();

    /// <summary>The final stage's environment (ENV KEY=VALUE ...).</summary>
    public IReadOnlyDictionary<string, string> Environment => Final.Where(x => x.Keyword == "ENV")
        .SelectMany(x => EnvPair().Matches(x.Arguments))
        .ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value, StringComparer.Ordinal);

    /// <summary>Reads a Dockerfile's text.</summary>
    public static Dockerfile Parse(string name, string text)
    {
        var logical = Continuation().Replace(text, " ").Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2) is var parts ? (parts[0].ToUpperInvariant(), parts.Length > 1 ? parts[1].Trim() : "") : default);
        return new Dockerfile(name, [.. logical]);
    }

    private string? Last(string keyword) => Final.LastOrDefault(x => x.Keyword == keyword).Arguments;

    private List<string>? ExecForm(string keyword) =>
        Last(keyword) is { } value && value.StartsWith('[') ? JsonSerializer.Deserialize<List<string>>(value) : null;

    // A backslash at the end of a line continues the instruction; comment lines inside it are dropped by the split.
    [GeneratedRegex(@"\\\r?\n(\s*#[^\n]*\n)*")]
    private static partial Regex Continuation();

    [GeneratedRegex(@"([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S*)")]
    private static partial Regex EnvPair();
}
