using Microsoft.Extensions.Options;
using Telemetry.Api.Http;

namespace Telemetry.Api;

/// <summary>Checks <see cref="ApiOptions"/>; every failure names its configuration path.</summary>
public sealed class ApiOptionsValidator : IValidateOptions<ApiOptions>
{
    /// <inheritdoc />
    public ValidateOptionsResult Validate(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = Failures(options).ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Throws when a setting is invalid.</summary>
    /// <exception cref="OptionsValidationException">The message names every invalid setting.</exception>
    public static void ThrowIfInvalid(ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var result = new ApiOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new OptionsValidationException(ApiOptions.SectionName, typeof(ApiOptions), result.Failures);
        }
    }

    private static IEnumerable<string> Failures(ApiOptions options)
    {
        var scoping = options.Scoping;
        const string Path = ApiOptions.SectionName + ":Scoping";
        if (scoping is null)
        {
            yield return $"{Path} must not be null.";
            yield break;
        }

        if (scoping.Enabled && scoping.CostCentres.Count == 0 && scoping.FleetRoles.Count == 0)
        {
            yield return $"{Path}:Enabled is true but neither {Path}:CostCentres nor {Path}:FleetRoles names anyone: every caller would be refused.";
        }

        foreach (var (key, teams) in scoping.CostCentres)
        {
            if (!Valid(key))
            {
                yield return $"{Path}:CostCentres has a key that is empty, longer than {RequestLimits.MaxValueLength} characters or has control characters.";
            }

            for (var i = 0; i < (teams?.Count ?? 0); i++)
            {
                if (!Valid(teams![i]))
                {
                    yield return $"{Path}:CostCentres:{key}:{i} must be a team name of 1 to {RequestLimits.MaxValueLength} characters without control characters.";
                }
            }
        }

        var distinct = scoping.CostCentres.Values.Where(t => t is not null).SelectMany(t => t).Distinct(StringComparer.Ordinal).Count();
        if (distinct > ApiDefaults.MaxScopeTeams)
        {
            yield return $"{Path}:CostCentres names {distinct} teams; at most {ApiDefaults.MaxScopeTeams} are supported.";
        }

        for (var i = 0; i < scoping.FleetRoles.Count; i++)
        {
            if (!Valid(scoping.FleetRoles[i]))
            {
                yield return $"{Path}:FleetRoles:{i} must be 1 to {RequestLimits.MaxValueLength} characters without control characters.";
            }
        }
    }

    private static bool Valid(string? value) =>
        !string.IsNullOrEmpty(value) && value.Length <= RequestLimits.MaxValueLength && !value.Any(char.IsControl);
}
