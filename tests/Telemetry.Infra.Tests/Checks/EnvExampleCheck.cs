using System.Text.RegularExpressions;

namespace Telemetry.Infra.Tests.Checks;

/// <summary>The compose file's required variables (<c>${NAME:?message}</c>) against the .env.example a deployer copies.</summary>
internal static partial class EnvExampleCheck
{
    /// <summary>Each variable the compose file requires, outside comments, that the example leaves out.</summary>
    public static IReadOnlyList<string> Problems(string composeName, string compose, string exampleName, string example)
    {
        var given = Assignment().Matches(example).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);
        var lines = compose.Split('\n').Where(l => !l.TrimStart().StartsWith('#'));
        return [.. lines.SelectMany(l => Required().Matches(l)).Select(m => m.Groups[1].Value).Distinct()
            .Where(v => !given.Contains(v))
            .Select(v => $"{composeName} requires {v}, which {exampleName} does not set")];
    }

    [GeneratedRegex(@"\$\{([A-Za-z_][A-Za-z0-9_]*):\?")]
    private static partial Regex Required();

    [GeneratedRegex(@"^([A-Za-z_][A-Za-z0-9_]*)=", RegexOptions.Multiline)]
    private static partial Regex Assignment();
}
