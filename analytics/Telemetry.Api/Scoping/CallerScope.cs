using Microsoft.AspNetCore.Http;
using Telemetry.Api.Http;

namespace Telemetry.Api.Scoping;

/// <summary>
/// What one caller may see: the whole fleet and every team (scoping off, or a fleet role), or the jobs, energy, waste
/// and alerts of some teams only (their cost centres). Built per request from the principal App Service authentication
/// passes on.
/// </summary>
public sealed class CallerScope
{
    private readonly HashSet<string>? _teams;

    private CallerScope(string caller, bool seesFleet, HashSet<string>? teams)
    {
        Caller = caller;
        SeesFleet = seesFleet;
        _teams = teams;
    }

    /// <summary>The scope when scoping is off: everything.</summary>
    public static CallerScope Everything { get; } = new("", true, null);

    /// <summary>Who the caller is, for logs: the first name claim; empty when scoping is off.</summary>
    public string Caller { get; }

    /// <summary>Whether the caller may see the fleet as a whole (<c>/api/fleet</c>, <c>/api/gpus</c>).</summary>
    public bool SeesFleet { get; }

    /// <summary>The teams the caller may see; null for every team.</summary>
    public IReadOnlySet<string>? Teams => _teams;

    /// <summary>Whether a team's data is the caller's to see.</summary>
    public bool Allows(string? team) => _teams is null || (team is not null && _teams.Contains(team));

    /// <summary>
    /// The scope of a principal: everything for a holder of a fleet role (a role or group claim in
    /// <see cref="ApiScopingOptions.FleetRoles"/>), otherwise the union of the teams that its name, role and group claim
    /// values map to in <see cref="ApiScopingOptions.CostCentres"/>.
    /// </summary>
    public static CallerScope For(ClientPrincipal principal, ApiScopingOptions options)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(options);
        var caller = principal.Names.Count > 0 ? principal.Names[0] : "";
        if (principal.Roles.Concat(principal.Groups).Any(v => options.FleetRoles.Contains(v, StringComparer.OrdinalIgnoreCase)))
        {
            return new CallerScope(caller, true, null);
        }

        var centres = new Dictionary<string, List<string>>(options.CostCentres, StringComparer.OrdinalIgnoreCase);
        var teams = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in principal.Names.Concat(principal.Roles).Concat(principal.Groups))
        {
            if (centres.TryGetValue(value, out var mapped) && mapped is not null)
            {
                teams.UnionWith(mapped);
            }
        }

        return new CallerScope(caller, false, teams);
    }

    /// <summary>
    /// The scope of a request: <see cref="Everything"/> when scoping is off; otherwise the principal's scope.
    /// </summary>
    /// <exception cref="ApiProblemException">
    /// 401 when the principal header is missing or unparseable; 403 when the caller holds no fleet role and maps to no team.
    /// </exception>
    public static CallerScope Of(HttpRequest request, ApiScopingOptions options)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return Everything;
        }

        var header = request.Headers[ClientPrincipal.HeaderName];
        if (header.Count != 1 || !ClientPrincipal.TryParse(header[0], out var principal))
        {
            throw new ApiProblemException(ApiProblems.Unauthorized(
                $"Cost-centre scoping is on: requests need the {ClientPrincipal.HeaderName} header that App Service authentication sets, "
                + $"holding base64 of a JSON principal of at most {RequestLimits.MaxPrincipalHeaderLength} characters."));
        }

        var scope = For(principal!, options);
        return scope.SeesFleet || scope._teams!.Count > 0
            ? scope
            : throw new ApiProblemException(ApiProblems.Forbidden("No cost centre is configured for this caller: ask for your name, role or group to be mapped to your teams."));
    }
}
