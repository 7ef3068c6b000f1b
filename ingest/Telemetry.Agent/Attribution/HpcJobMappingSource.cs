using Telemetry.Contract.Messages;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Attribution;

/// <summary>
/// dcgm-exporter's HPC job mapping directory: one file per GPU, named by its index (or <c>index.gi</c> for a MIG
/// GPU instance), holding the ids of the jobs on it, one per line. Prolog scripts write the files, epilog scripts
/// remove them; each poll reads the directory and turns changes into allocation events. When a file names several
/// jobs (a shared GPU) the first is charged. Bounded: files, file size and id length are capped, and a file that
/// breaks a bound is skipped and counted.
/// </summary>
public sealed class HpcJobMappingSource(string directory, Func<IReadOnlyList<GpuIdentity>> knownGpus, string node) : IAllocationSource
{
    /// <summary>Most files read from the directory.</summary>
    public const int MaxFiles = 4096;

    /// <summary>Largest file read.</summary>
    public const int MaxFileBytes = 4096;

    /// <summary>Longest job id accepted.</summary>
    public const int MaxJobIdLength = 256;

    private readonly AllocationTracker _tracker = new(node);

    /// <inheritdoc />
    public string Name => "hpc-job-mapping";

    /// <summary>The directory watched.</summary>
    public string Directory { get; } = directory;

    /// <summary>Files skipped (unknown GPU, too large, unreadable, bad job id), by reason.</summary>
    public Dictionary<string, long> Skipped { get; } = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public IReadOnlyList<AllocationEvent> Poll(DateTimeOffset now) => _tracker.Update(Snapshot(), now);

    private Dictionary<string, JobAssignment> Snapshot()
    {
        var snapshot = new Dictionary<string, JobAssignment>(StringComparer.Ordinal);
        if (!System.IO.Directory.Exists(Directory))
        {
            return snapshot;
        }

        var gpus = knownGpus();
        foreach (var file in System.IO.Directory.EnumerateFiles(Directory).Take(MaxFiles))
        {
            var gpu = GpuNames.Resolve(Path.GetFileName(file), gpus);
            if (gpu is null)
            {
                Skip("unknown-gpu");
                continue;
            }

            if (ReadJobId(file) is { } job)
            {
                snapshot[gpu] = new JobAssignment(job, "", "");
            }
        }

        return snapshot;
    }

    private string? ReadJobId(string file)
    {
        try
        {
            var info = new FileInfo(file);
            if (info.Length > MaxFileBytes)
            {
                Skip("too-large");
                return null;
            }

            var job = File.ReadLines(file).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0);
            if (job is null)
            {
                return null;
            }

            if (job.Length > MaxJobIdLength || job.Any(char.IsControl))
            {
                Skip("bad-job-id");
                return null;
            }

            return job;
        }
        catch (IOException)
        {
            // Removed by the epilog between listing and reading: the job has ended.
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            Skip("unreadable");
            return null;
        }
    }

    private void Skip(string reason) => Skipped[reason] = Skipped.GetValueOrDefault(reason) + 1;
}
