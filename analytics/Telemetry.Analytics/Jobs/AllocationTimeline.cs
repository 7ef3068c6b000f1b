using Telemetry.Contract.Messages;

namespace Telemetry.Analytics.Jobs;

/// <summary>
/// Which job held each GPU when, from allocation events. Lookups are by event time, so an interval is charged to the
/// job that held the GPU at its start even when the stop event has already been applied. Not thread-safe.
/// </summary>
internal sealed class AllocationTimeline
{
    private readonly Dictionary<string, List<Allocation>> _byGpu = new(StringComparer.Ordinal);
    private readonly Dictionary<string, JobInfo> _jobs = new(StringComparer.Ordinal);

    /// <summary>Allocation events applied.</summary>
    public long Applied { get; private set; }

    /// <summary>Stop events that matched no open allocation.</summary>
    public long UnmatchedStops { get; private set; }

    /// <summary>
    /// Rises each time a GPU gets its first allocation, so that a caller that found none for a GPU asks again only
    /// then, not for every interval.
    /// </summary>
    public int GpusVersion { get; private set; }

    /// <summary>Applies a start or stop.</summary>
    public void Apply(AllocationEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        var t = e.Time.ToUnixTimeMilliseconds();
        var job = Job(e);
        foreach (var uuid in e.GpuUuids)
        {
            var list = AllocationsOf(uuid);
            if (e.Type == AllocationEventType.Start)
            {
                // A GPU holds one job at a time: a start ends whatever was still open.
                foreach (var open in list.Where(a => a.Stop > t && a.Start <= t))
                {
                    open.Stop = t;
                }

                list.Add(new Allocation(job, t));
                list.Sort((a, b) => a.Start.CompareTo(b.Start));
            }
            else
            {
                var open = list.LastOrDefault(a => a.Job.Id == e.JobId && a.Start <= t && a.Stop > t);
                if (open is null)
                {
                    UnmatchedStops++;
                }
                else
                {
                    open.Stop = t;
                }
            }
        }

        Applied++;
    }

    /// <summary>The job that held the GPU at time t, or null.</summary>
    public static JobInfo? JobAt(List<Allocation> allocations, long t)
    {
        for (var i = allocations.Count - 1; i >= 0; i--)
        {
            var a = allocations[i];
            if (a.Contains(t))
            {
                return a.Job;
            }

            if (a.Start <= t && a.Stop <= t)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>The GPU's allocations, oldest first, or null when it never had one (the list object stays the same for the GPU, so callers may keep it).</summary>
    public List<Allocation>? Find(string key) => _byGpu.GetValueOrDefault(key);

    private List<Allocation> AllocationsOf(string key)
    {
        if (!_byGpu.TryGetValue(key, out var list))
        {
            list = [];
            _byGpu.Add(key, list);
            GpusVersion++;
        }

        return list;
    }

    /// <summary>A job known from allocation events, or null.</summary>
    public JobInfo? FindJob(string jobId) => _jobs.GetValueOrDefault(jobId);

    /// <summary>Forgets allocations that ended before the horizon.</summary>
    public void Prune(long horizonUnixMs)
    {
        foreach (var list in _byGpu.Values)
        {
            list.RemoveAll(a => a.Stop < horizonUnixMs);
        }
    }

    private JobInfo Job(AllocationEvent e)
    {
        if (!_jobs.TryGetValue(e.JobId, out var job) || job.User != e.User || job.Team != e.Team)
        {
            job = new JobInfo(e.JobId, e.User, e.Team);
            _jobs[e.JobId] = job;
        }

        return job;
    }
}
