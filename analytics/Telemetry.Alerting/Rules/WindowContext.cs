using Telemetry.Analytics.Windows;

namespace Telemetry.Alerting.Rules;

/// <summary>One evaluation's inputs, with the lookups several rules share.</summary>
internal sealed class WindowContext
{
    private readonly Dictionary<string, JobWindow> _jobs = new(StringComparer.Ordinal);

    public WindowContext(ClosedWindow window, PipelineCounts? counts)
    {
        Window = window;
        Counts = counts;
        foreach (var job in window.Jobs)
        {
            _jobs.TryAdd(job.JobId, job);
        }
    }

    public ClosedWindow Window { get; }

    public PipelineCounts? Counts { get; }

    public long Start => Window.Start;

    public long End => Window.End;

    /// <summary>The window's length in seconds.</summary>
    public double Seconds => (Window.End - Window.Start) / 1000.0;

    /// <summary>The team of a job active in the window, or null.</summary>
    public string? TeamOf(string? jobId) =>
        jobId is not null && _jobs.TryGetValue(jobId, out var job) && !string.IsNullOrEmpty(job.Team) ? job.Team : null;

    /// <summary>Whether a run that started at <paramref name="since"/> (Unix ms) has lasted <paramref name="length"/> by this window's end.</summary>
    public bool HasLasted(long since, TimeSpan length) => End - since >= (long)length.TotalMilliseconds;
}
