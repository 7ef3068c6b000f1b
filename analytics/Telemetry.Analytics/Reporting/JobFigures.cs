namespace Telemetry.Analytics.Reporting;

/// <summary>
/// Compares each job's performance per watt with the median of the working jobs (busy at least half their GPU time)
/// on the same GPU model; idle reservations would drag the median down and are left out of it and of the comparison.
/// </summary>
internal static class JobFigures
{
    public static IReadOnlyList<JobReport> Compare(IReadOnlyList<JobReport> jobs)
    {
        var tflopsMedian = MedianByModel(jobs, j => j.TflopsPerWatt);
        var tokensMedian = MedianByModel(jobs, j => j.TokensPerJoule);
        return [.. jobs.Select(j => j with
        {
            TflopsPerWattVsModelMedian = Working(j) ? Ratio(j.TflopsPerWatt, tflopsMedian.GetValueOrDefault(j.GpuModel ?? "")) : null,
            TokensPerJouleVsModelMedian = Working(j) ? Ratio(j.TokensPerJoule, tokensMedian.GetValueOrDefault(j.GpuModel ?? "")) : null,
        })];
    }

    public static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private static Dictionary<string, double> MedianByModel(IReadOnlyList<JobReport> jobs, Func<JobReport, double?> figure) =>
        jobs.Where(j => Working(j) && figure(j) is not null)
            .GroupBy(j => j.GpuModel ?? "", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Median(g.Select(j => figure(j)!.Value))!.Value, StringComparer.Ordinal);

    private static bool Working(JobReport job) => job.Utilization >= 0.5;

    private static double? Ratio(double? value, double median) => value is { } v && median > 0 ? v / median : null;
}
