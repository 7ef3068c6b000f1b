namespace Telemetry.Agent.Attribution;

/// <summary>A job holding a GPU, as a source sees it now.</summary>
/// <param name="JobId">Job id.</param>
/// <param name="User">User, empty when the source does not know.</param>
/// <param name="Team">Team or cost centre, empty when the source does not know.</param>
public sealed record JobAssignment(string JobId, string User, string Team);
