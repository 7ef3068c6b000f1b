using System.Globalization;
using Microsoft.Extensions.Options;

namespace Telemetry.Alerting;

/// <summary>Collects the problems of a settings object, each led by its configuration path.</summary>
internal sealed class OptionsProblems(string section)
{
    private readonly List<string> _problems = [];

    public IReadOnlyList<string> All => _problems;

    /// <summary>Adds a problem with the setting at <paramref name="path"/> (relative to the section) unless <paramref name="ok"/>.</summary>
    public void Check(bool ok, string path, FormattableString rule)
    {
        if (!ok)
        {
            _problems.Add($"{section}:{path} {rule.ToString(CultureInfo.InvariantCulture)}.");
        }
    }

    /// <summary>Checks a duration lies in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public void Duration(TimeSpan value, string path, TimeSpan min, TimeSpan max) =>
        Check(value >= min && value <= max, path, $"must be between {min:c} and {max:c} (was {value:c})");

    /// <summary>Throws <see cref="OptionsValidationException"/> listing every problem, if there is one.</summary>
    public void ThrowIfAny(Type optionsType)
    {
        if (_problems.Count > 0)
        {
            throw new OptionsValidationException(section, optionsType, _problems);
        }
    }

    /// <summary>The problems as an options validation result.</summary>
    public ValidateOptionsResult Result() => _problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_problems);
}
