using System.Globalization;
using Telemetry.Contract.Samples;

namespace Telemetry.Agent.Simulation;

/// <summary>
/// Lays out the simulated fleet. Node pairs share a GPU model (H100, H200, B200, A100 in turn). In each group of four
/// nodes: the first two run one multi-node training job; the third serves inference that reports tokens; the fourth
/// is mixed: an allocated-but-idle notebook (GPUs 0-1), a memory-parked job (2-3), a zombie (4) and a fine-tune that
/// comes and goes (5 on). GPU 1 of node 0 raises XID 48; GPU 3 of node 1 slows down thermally.
/// </summary>
internal static class FleetLayout
{
    public static (IReadOnlyList<SimulatedGpu> Gpus, IReadOnlyList<SimulatedJob> Jobs) Build(FleetSimulationOptions options)
    {
        var start = options.Start.ToUnixTimeMilliseconds();
        var end = start + (long)options.Duration.TotalMilliseconds;
        long At(double share) => start + ((long)((end - start) * share / 1000) * 1000);

        var gpus = new List<SimulatedGpu>(options.Nodes * options.GpusPerNode);
        for (var n = 0; n < options.Nodes; n++)
        {
            var model = GpuModels.All[n / 2 % GpuModels.All.Count];
            var nodeName = NodeName(n);
            for (var g = 0; g < options.GpusPerNode; g++)
            {
                var global = gpus.Count;
                var identity = new GpuIdentity(nodeName, Uuid(options.Seed, global), g, model.Name);
                var energy = 1_000_000_000L + (long)(Noise.Unit(options.Seed, global, 0, 11) * 50_000_000_000L);
                gpus.Add(new SimulatedGpu(global, n, identity, model, energy));
            }
        }

        var jobs = new List<SimulatedJob>();
        int[] Range(int node, int from, int to) =>
            Enumerable.Range(from, Math.Max(0, Math.Min(to, options.GpusPerNode) - from)).Select(g => (node * options.GpusPerNode) + g).ToArray();
        void Add(string id, string user, string team, SimulatedJobKind kind, int[] members, long from, long to)
        {
            if (members.Length > 0)
            {
                jobs.Add(new SimulatedJob(id, user, team, kind, members, from, to));
            }
        }

        for (var n = 0; n < options.Nodes; n++)
        {
            var group = (n / 4).ToString(CultureInfo.InvariantCulture);
            switch (n % 4)
            {
                case 0:
                    var members = Range(n, 0, options.GpusPerNode);
                    if (n + 1 < options.Nodes)
                    {
                        members = [.. members, .. Range(n + 1, 0, options.GpusPerNode)];
                    }

                    Add($"llm-pretrain-{group}", "alice", "research", SimulatedJobKind.Training, members, start, end);
                    break;
                case 2:
                    Add($"chat-serve-{group}", "svc-chat", "product", SimulatedJobKind.Inference, Range(n, 0, options.GpusPerNode), At(0.1), end);
                    break;
                case 3:
                    Add($"notebook-{group}", "bob", "research", SimulatedJobKind.AllocatedIdle, Range(n, 0, 2), start, At(0.6));
                    Add($"parked-{group}", "carol", "platform", SimulatedJobKind.MemoryParked, Range(n, 2, 4), start, end);
                    if (options.GpusPerNode > 4)
                    {
                        gpus[(n * options.GpusPerNode) + 4].Zombie = true;
                    }

                    Add($"finetune-{group}", "dave", "applied", SimulatedJobKind.Training, Range(n, 5, options.GpusPerNode), At(0.3), At(0.7));
                    break;
            }
        }

        if (options.GpusPerNode > 1)
        {
            gpus[1].Xid = (At(0.4), 48);
        }

        var throttled = Math.Min(options.Nodes - 1, 1) * options.GpusPerNode + Math.Min(3, options.GpusPerNode - 1);
        gpus[throttled].ThermalThrottle = (At(0.5), At(0.7));
        return (gpus, jobs);
    }

    public static string NodeName(int node) => "gpu-node-" + node.ToString("000", CultureInfo.InvariantCulture);

    private static string Uuid(ulong seed, int gpu)
    {
        // Mix the seed before combining it with the GPU number, so no two seeds share UUIDs.
        var a = Noise.Mix(Noise.Mix(seed) ^ (ulong)gpu);
        var b = Noise.Mix(a);
        var hex = a.ToString("x16", CultureInfo.InvariantCulture) + b.ToString("x16", CultureInfo.InvariantCulture);
        return $"GPU-{hex[..8]}-{hex[8..12]}-{hex[12..16]}-{hex[16..20]}-{hex[20..32]}";
    }
}
