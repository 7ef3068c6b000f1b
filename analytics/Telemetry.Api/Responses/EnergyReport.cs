using Telemetry.Analytics.Queries;

namespace Telemetry.Api.Responses;

/// <summary>Energy, GPU time and cost by one dimension over a range, largest energy first.</summary>
/// <param name="By">team, job, model or site.</param>
/// <param name="From">Start of the range, inclusive.</param>
/// <param name="To">End of the range, exclusive.</param>
/// <param name="Groups">One row per group and currency.</param>
public sealed record EnergyReport(string By, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<GroupEnergy> Groups);
