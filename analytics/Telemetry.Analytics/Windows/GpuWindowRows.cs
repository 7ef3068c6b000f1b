using Telemetry.Contract.Samples;

namespace Telemetry.Analytics.Windows;

/// <summary>
/// A closed window's per-GPU rows (<see cref="GpuWindow"/>), in the order added: each GPU's identity, last job and
/// figures, every figure computed when the window closed; a row object is made when the row is first read.
/// </summary>
internal sealed class GpuWindowRows(long start, long end, int capacity) : MadeOnRead<GpuWindow>
{
    private readonly GpuIdentity[] _gpus = new GpuIdentity[capacity];
    // Written before read (up to Count), so not zeroed first (135 MB a window at 450,000 GPUs).
    private readonly GpuWindowValues[] _values = GC.AllocateUninitializedArray<GpuWindowValues>(capacity);

    // Null while no row has a job (a fleet without jobs).
    private string?[]? _jobs;
    private int _count;

    public override int Count => _count;

    public long Start => start;

    public long End => end;

    public GpuIdentity Gpu(int row) => _gpus[row];

    public string? JobId(int row) => _jobs?[row];

    /// <summary>Adds a GPU's row; its figures are taken as they are.</summary>
    public void Add(GpuIdentity gpu, string? jobId, in GpuWindowValues values)
    {
        _gpus[_count] = gpu;
        _values[_count] = values;
        if (jobId is not null)
        {
            (_jobs ??= new string?[_gpus.Length])[_count] = jobId;
        }

        _count++;
    }

    protected override GpuWindow Make(int index) => _values[index].Row(start, end, _gpus[index], JobId(index));
}
