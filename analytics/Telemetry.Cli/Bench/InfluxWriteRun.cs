namespace Telemetry.Cli.Bench;

/// <summary>One timed write of the InfluxDB sink benchmark: our sink's or the baseline's, at one batch size and encoding.</summary>
/// <param name="Ours">Whether our sink wrote; else the baseline.</param>
/// <param name="BatchSize">Points per request, at most (a window's last request holds what is left).</param>
/// <param name="Gzip">Whether request bodies were gzip-compressed.</param>
/// <param name="Points">Points the server acknowledged.</param>
/// <param name="Requests">Write requests the server acknowledged.</param>
/// <param name="Seconds">Wall time from the first request's start to the last one's answer (with building the points, for ours).</param>
/// <param name="Retries">Requests retried (ours).</param>
/// <param name="DeadLettered">Points the server refused, set aside (ours).</param>
/// <param name="Bytes">Bytes of the request bodies, as sent (the baseline's; ours are not seen).</param>
internal sealed record InfluxWriteRun(bool Ours, int BatchSize, bool Gzip, long Points, long Requests, double Seconds, long Retries = 0, long DeadLettered = 0, long Bytes = 0)
{
    /// <summary>Points the server holds in the run's span of time, counted after it.</summary>
    public long Held { get; init; }

    public double PointsPerSecond => Points / Seconds;

    /// <summary>Runs of one writer, batch size and encoding taken together.</summary>
    public static InfluxWriteRun Total(IReadOnlyList<InfluxWriteRun> runs) =>
        new(runs[0].Ours, runs[0].BatchSize, runs[0].Gzip, runs.Sum(r => r.Points), runs.Sum(r => r.Requests), runs.Sum(r => r.Seconds), runs.Sum(r => r.Retries), runs.Sum(r => r.DeadLettered), runs.Sum(r => r.Bytes))
        {
            Held = runs.Sum(r => r.Held),
        };
}
