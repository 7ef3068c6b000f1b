namespace Telemetry.Api.Scoping;

/// <summary>
/// Cost-centre scoping, bound from <c>Api:Scoping</c>: who may see which teams' jobs, energy, waste and alerts, and who
/// may see the whole fleet. Callers are identified by the <c>X-MS-CLIENT-PRINCIPAL</c> header that App Service
/// authentication sets; with scoping on, a request without it is refused.
/// </summary>
public sealed class ApiScopingOptions
{
    /// <summary>Whether scoping is on. Default false: every caller sees everything.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// Cost centres: a principal's name, role or group claim value, mapped to the teams it may see. A caller sees the
    /// union of the teams of every value it holds. Matched ignoring case. Default none.
    /// </summary>
    public IDictionary<string, List<string>> CostCentres { get; set; } = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Role or group claim values whose holders see the whole fleet (<c>/api/fleet</c>, <c>/api/gpus</c>) and every team:
    /// the SREs. Matched ignoring case. Default none.
    /// </summary>
    public IList<string> FleetRoles { get; set; } = [];
}
