namespace Telemetry.Api.Responses;

/// <summary>The alerts firing now, newest first.</summary>
/// <param name="Enabled">Whether this host evaluates alert rules at all; false means the list is empty because nothing looks.</param>
/// <param name="Alerts">The firing alerts the caller may see.</param>
public sealed record AlertList(bool Enabled, IReadOnlyList<OpenAlert> Alerts);
