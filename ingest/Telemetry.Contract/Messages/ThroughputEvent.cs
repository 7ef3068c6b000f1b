namespace Telemetry.Contract.Messages;

/// <summary>Work a job reports for an interval of event time: tokens generated, or samples trained on.</summary>
/// <param name="JobId">The job.</param>
/// <param name="Start">Start of the interval.</param>
/// <param name="End">End of the interval (after <paramref name="Start"/>).</param>
/// <param name="Count">Units processed in the interval.</param>
/// <param name="Unit">What was counted: <c>tokens</c> or <c>samples</c>.</param>
public sealed record ThroughputEvent(string JobId, DateTimeOffset Start, DateTimeOffset End, long Count, string Unit);
