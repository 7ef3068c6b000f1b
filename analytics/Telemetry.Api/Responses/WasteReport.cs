using Telemetry.Analytics.Queries;

namespace Telemetry.Api.Responses;

/// <summary>The costliest waste by class, team and model over a range.</summary>
/// <param name="From">Start of the range, inclusive.</param>
/// <param name="To">End of the range, exclusive.</param>
/// <param name="Entries">At most the limit asked for, most costly first.</param>
public sealed record WasteReport(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<WasteEntry> Entries);
