namespace Telemetry.Analytics.Jobs;

/// <summary>A job holding one GPU over <c>[Start, Stop)</c>, times in Unix milliseconds; Stop is <see cref="long.MaxValue"/> while open.</summary>
internal sealed class Allocation(JobInfo job, long start)
{
    public JobInfo Job { get; } = job;
    public long Start { get; } = start;
    public long Stop { get; set; } = long.MaxValue;
    public bool Contains(long t) => t >= Start && t < Stop;
}
