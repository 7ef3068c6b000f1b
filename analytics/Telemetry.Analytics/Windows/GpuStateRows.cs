namespace Telemetry.Analytics.Windows;

/// <summary>
/// A closed window's per-GPU, per-state rows (<see cref="GpuStateWindow"/>): the GPU's row in <see cref="GpuWindowRows"/>
/// (for its identity and job), the state, its seconds and energy; a row object is made when the row is first read.
/// </summary>
internal sealed class GpuStateRows(GpuWindowRows gpus, int capacity) : MadeOnRead<GpuStateWindow>
{
    private readonly List<Entry> _entries = new(capacity);

    public override int Count => _entries.Count;

    public void Add(int gpuRow, GpuState state, double seconds, double joules) => _entries.Add(new(gpuRow, state, seconds, joules));

    protected override GpuStateWindow Make(int index)
    {
        var (row, state, seconds, joules) = _entries[index];
        var gpu = gpus.Gpu(row);
        return new(gpus.Start, gpus.End, gpu.Node, gpu.Uuid, gpu.Index, gpu.MigInstance, gpu.Model, gpus.JobId(row), StateNames.Of(state), seconds, joules);
    }

    private readonly record struct Entry(int GpuRow, GpuState State, double Seconds, double Joules);
}
