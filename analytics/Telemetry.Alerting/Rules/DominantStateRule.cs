using Telemetry.Analytics.Windows;

namespace Telemetry.Alerting.Rules;

/// <summary>
/// A GPU whose dominant state (the one it spent most of a window in, from the window's state rows) is one state for
/// consecutive windows lasting at least the rule's duration. The run is per GPU and job, so a new job starts anew.
/// Windows without state rows find nothing.
/// </summary>
internal sealed class DominantStateRule(string state, string alertName, StateRuleOptions options, AlertFactory factory, Func<GpuRef, string, AlertText> text)
    : IAlertRule
{
    private readonly RunTracker<((string, string, int?) Gpu, string? Job)> _runs = new();

    public static DominantStateRule AllocatedIdle(StateRuleOptions options, AlertFactory factory) => new(
        StateNames.Of(GpuState.AllocatedIdle), AlertNames.GpuAllocatedIdle, options, factory, (gpu, lasted) => new(
            $"{gpu.Describe()} is held by job {gpu.JobId} but idle for {lasted}",
            $"{gpu.Describe()} spent most of every window for {lasted} allocated to job {gpu.JobId} with its SMs idle.",
            "Ask the job's owner to put the GPU to work or release it; check whether the job hangs (a stuck data loader, a rank waiting on "
            + "a collective that will never come). An idle allocated GPU still costs its GPU-hours and its idle power."));

    public static DominantStateRule ZombieMemory(StateRuleOptions options, AlertFactory factory) => new(
        StateNames.Of(GpuState.Zombie), AlertNames.GpuZombieMemory, options, factory, (gpu, lasted) => new(
            $"{gpu.Describe()} holds memory with no job for {lasted}",
            $"{gpu.Describe()} spent most of every window for {lasted} with its memory in use while no job held it: a process outlived its job.",
            "Find the process holding the memory (nvidia-smi --query-compute-apps=pid,process_name,used_memory --format=csv) and end it, or "
            + "reset the GPU (nvidia-smi -r) once nothing runs on it; then check that the scheduler's epilog cleans up after jobs."));

    public void Evaluate(WindowContext context, List<Alert> firing)
    {
        foreach (var top in Dominant(context.Window.States ?? []))
        {
            if (!string.Equals(top.State, state, StringComparison.Ordinal))
            {
                continue;
            }

            var gpu = GpuRef.Of(top);
            var since = _runs.Hold((gpu.Key, gpu.JobId), context.Start);
            if (context.HasLasted(since, options.For))
            {
                firing.Add(factory.ForGpu(alertName, AlertSeverity.Warning, AlertFactory.Time(since),
                    text(gpu, Durations.Between(since, context.End)), gpu, context.TeamOf(gpu.JobId)));
            }
        }

        _runs.EndWindow(context.End);
    }

    private static IEnumerable<GpuStateWindow> Dominant(IReadOnlyList<GpuStateWindow> states) =>
        states.GroupBy(s => (s.Node, s.GpuUuid, s.MigInstance)).Select(g => g.MaxBy(s => s.Seconds)!);
}
