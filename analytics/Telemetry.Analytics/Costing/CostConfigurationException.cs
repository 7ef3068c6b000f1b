namespace Telemetry.Analytics.Costing;

/// <summary>A cost configuration that cannot be used; <see cref="Problems"/> says what is wrong and how to fix it.</summary>
public sealed class CostConfigurationException : Exception
{
    /// <summary>A configuration with the given problems.</summary>
    /// <param name="source">Where the configuration came from: a file name, or a description.</param>
    /// <param name="problems">Each problem, led by the JSON path of its setting.</param>
    public CostConfigurationException(string source, IReadOnlyList<string> problems)
        : base(Describe(source, problems))
    {
        Problems = problems;
    }

    /// <summary>Each problem, led by the JSON path of its setting, for example <c>sites[0].pue 0.9 is below 1.0; ...</c>.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Describe(string source, IReadOnlyList<string> problems) =>
        problems.Count == 1
            ? $"{source}: {problems[0]}"
            : $"{source}: {problems.Count} problems:{Environment.NewLine}  " + string.Join(Environment.NewLine + "  ", problems);
}
