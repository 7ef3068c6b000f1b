namespace Telemetry.Analytics.Jobs;

/// <summary>A job as allocation events describe it.</summary>
/// <param name="Id">Job id.</param>
/// <param name="User">User.</param>
/// <param name="Team">Team or cost centre.</param>
public sealed record JobInfo(string Id, string User, string Team);
